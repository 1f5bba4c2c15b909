using System.CommandLine;
using ActorSegments.Cli.Connection;
using ActorSegments.Cli.Rendering;
using ActorSegments.Protos.V1;
using Spectre.Console;

namespace ActorSegments.Cli.Commands;

/// <summary><c>customers show</c> and <c>customers explain</c>: one customer's profile, and why a segment holds for them.</summary>
internal static class CustomersCommand
{
    public static Command Create(IAnsiConsole console) => new("customers", "Read customer profiles")
    {
        Show(console),
        Explain(console),
        CustomerAliasCommand.Create(console),
    };

    private static Command Show(IAnsiConsole console)
    {
        var id = new Argument<string>("id") { Description = "Customer id" };
        return new Command("show", "Profile: traits, RFM, lifecycle stage and history, segments, scores, cart, interests") { id }
            .WithAction(console, async (parse, connection, cancellationToken) =>
            {
                var profile = await connection.Profiles.GetCustomerAsync(
                    new GetCustomerRequest { WorkspaceId = connection.Workspace, CustomerId = parse.GetRequiredValue(id) }, cancellationToken: cancellationToken);
                ProfileView.Write(console, profile);
                return ExitCodes.Success;
            });
    }

    private static Command Explain(IAnsiConsole console)
    {
        var id = new Argument<string>("id") { Description = "Customer id" };
        var segment = new Option<string>("--segment") { Description = "Segment id", Required = true };
        return new Command("explain", "Why a segment holds or not for a customer: every condition, its value, its next change") { id, segment }
            .WithAction(console, async (parse, connection, cancellationToken) =>
            {
                var explanation = await connection.Profiles.ExplainSegmentAsync(
                    new ExplainSegmentRequest
                    {
                        WorkspaceId = connection.Workspace,
                        CustomerId = parse.GetRequiredValue(id),
                        SegmentId = parse.GetRequiredValue(segment),
                    },
                    cancellationToken: cancellationToken);
                TraceView.Write(console, explanation);
                return ExitCodes.Success;
            });
    }
}
