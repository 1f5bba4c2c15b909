using ActorSegments.Protos.V1;

namespace ActorSegments.Server.Tests;

/// <summary>Experiment definitions as clients send them, over the built-in commerce schema.</summary>
internal static class ExperimentMessages
{
    /// <summary>A schema for an after-the-fact analysis: the ESP's send log (experiment, arm) and the orders.</summary>
    public const string SendLogSchema = """
        { "event_types": [
            { "name": "experiment_assigned", "properties": [ { "name": "experiment", "type": "string" }, { "name": "arm", "type": "string" } ] },
            { "name": "purchase", "properties": [ { "name": "revenue", "type": "number" } ] } ] }
        """;

    /// <summary>A campaign test: customers who viewed a product, 1:1 treatment and holdout, judged on purchases within 14 days.</summary>
    public static Experiment Campaign(string id) => new()
    {
        ExperimentId = id,
        Name = "Spring sale email",
        Channel = "email",
        Assignment = AssignmentMode.Randomized,
        Audience = "did(product_viewed)",
        Arms =
        {
            new ExperimentArm { Name = "treatment", Weight = 1 },
            new ExperimentArm { Name = "holdout", Weight = 1, Control = true },
        },
        Metrics =
        {
            new ExperimentMetric { Name = "purchase_14d", Kind = MetricKind.Conversion, EventType = "purchase", Days = 14 },
            new ExperimentMetric { Name = "revenue_30d", Kind = MetricKind.Revenue, EventType = "purchase", Property = "revenue", Days = 30 },
        },
    };

    public static string NewWorkspace() => $"ws-{Guid.NewGuid():N}"[..20];
}
