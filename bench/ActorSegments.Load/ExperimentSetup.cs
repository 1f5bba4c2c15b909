using ActorSegments.Protos.V1;

namespace ActorSegments.Load;

/// <summary>
/// A running experiment in the run's workspace (<c>--experiment</c>), to measure what experiments cost on the ingest
/// path: every customer is in its audience, so each new customer is assigned on its first call (one more journal
/// record), and every event of an assigned customer is checked against three metrics.
/// </summary>
internal static class ExperimentSetup
{
    public const string ExperimentId = "load";

    /// <summary>The segments starting it creates: the audience and one per arm.</summary>
    public const int Segments = 4;

    public static async Task StartAsync(LoadConnection connection, string workspace, TextWriter progress, CancellationToken cancellationToken)
    {
        var experiment = new Experiment
        {
            ExperimentId = ExperimentId,
            Name = "Load: everyone, two arms and a control",
            Channel = "email",
            Assignment = AssignmentMode.Randomized,
            Audience = "customer.events >= 1",
            Arms =
            {
                new ExperimentArm { Name = "a", Weight = 45 },
                new ExperimentArm { Name = "b", Weight = 45, Targeting = "did(cart_added)" },
                new ExperimentArm { Name = "control", Weight = 10, Control = true },
            },
            Metrics =
            {
                new ExperimentMetric { Name = "purchase_7d", Kind = MetricKind.Conversion, EventType = "purchase", Where = "revenue > 0", Days = 7 },
                new ExperimentMetric { Name = "revenue_7d", Kind = MetricKind.Revenue, EventType = "purchase", Property = "revenue", Days = 7 },
                new ExperimentMetric { Name = "retention_d1", Kind = MetricKind.Retention, Days = 1 },
            },
        };
        await connection.Experiments.CreateExperimentAsync(new CreateExperimentRequest { WorkspaceId = workspace, Experiment = experiment }, cancellationToken: cancellationToken);
        await connection.Experiments.StartExperimentAsync(new StartExperimentRequest { WorkspaceId = workspace, ExperimentId = ExperimentId }, cancellationToken: cancellationToken);
        progress.WriteLine($"workspace {workspace}: experiment '{ExperimentId}' running");
    }
}
