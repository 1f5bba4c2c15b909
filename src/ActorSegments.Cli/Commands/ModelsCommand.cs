using System.CommandLine;
using ActorSegments.Cli.Connection;
using ActorSegments.Cli.Rendering;
using ActorSegments.Protos.V1;
using Spectre.Console;

namespace ActorSegments.Cli.Commands;

/// <summary><c>models</c>: train propensity, recommendation and uplift models, follow a training, list versions and metrics.</summary>
internal static class ModelsCommand
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(500);

    public static Command Create(IAnsiConsole console) => new("models", "Propensity scores and recommendations")
    {
        Train(console),
        List(console),
    };

    private static Command Train(IAnsiConsole console)
    {
        var name = new Argument<string>("name") { Description = "purchase_30d, churn_60d, recommendations, or uplift:EXPERIMENT (the uplift model of a started experiment)" };
        var wait = new Option<bool>("--wait") { Description = "Follow the training until it ends" };
        return new Command("train", "Train a model and write its outputs back to customers") { name, wait }
            .WithAction(console, async (parse, connection, cancellationToken) =>
            {
                var training = await connection.Models.TrainModelAsync(new TrainModelRequest { WorkspaceId = connection.Workspace, Name = parse.GetRequiredValue(name) }, cancellationToken: cancellationToken);
                while (parse.GetValue(wait) && training.TrainingState == ModelTrainingState.Running)
                {
                    await Task.Delay(PollEvery, cancellationToken);
                    training = await connection.Models.GetModelTrainingAsync(new GetModelTrainingRequest { WorkspaceId = connection.Workspace }, cancellationToken: cancellationToken);
                }

                CohortViews.Training(console, training);
                return training.TrainingState == ModelTrainingState.Failed ? ExitCodes.Failed : ExitCodes.Success;
            });
    }

    private static Command List(IAnsiConsole console) =>
        new Command("list", "Stored model versions with their holdout metrics").WithAction(console, async (parse, connection, cancellationToken) =>
        {
            var models = await connection.Models.ListModelsAsync(new ListModelsRequest { WorkspaceId = connection.Workspace }, cancellationToken: cancellationToken);
            Listing.Write(console, CohortViews.Models(models.Models), "No models yet: train one with [bold]models train NAME[/].");
            return ExitCodes.Success;
        });
}
