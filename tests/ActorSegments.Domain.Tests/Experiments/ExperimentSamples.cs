using ActorSegments.Domain.Events;
using ActorSegments.Domain.Experiments;
using ActorSegments.Domain.Schema;

namespace ActorSegments.Domain.Tests.Experiments;

/// <summary>Experiments and events over the commerce schema, shared by the experiment tests.</summary>
internal static class ExperimentSamples
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static ExperimentDefinition CampaignTest(params ExperimentMetric[] metrics) => new(
        "spring_sale",
        "Spring sale email",
        "email",
        AssignmentMode.Randomized,
        "customer.events >= 1",
        [new ExperimentArm("treatment", 9), new ExperimentArm("holdout", 1, Control: true)],
        metrics.Length > 0 ? metrics : [Purchase7d],
        "spring_sale");

    public static readonly ExperimentMetric Purchase7d = new("purchase_7d", MetricKind.Conversion, "purchase", "revenue > 0", null, 7);

    public static readonly ExperimentMetric Revenue30d = new("revenue_30d", MetricKind.Revenue, "purchase", null, "revenue", 30);

    public static readonly ExperimentMetric Retention7 = new("active_day_7", MetricKind.Retention, null, null, null, 7);

    public static CompiledExperiment Compile(ExperimentDefinition definition) => CompiledExperiment.Compile(definition, WorkspaceSchema.Commerce);

    public static CustomerEvent Purchase(string id, DateTimeOffset at, double revenue) =>
        new(id, "purchase", at, new Dictionary<string, PropertyValue> { ["revenue"] = PropertyValue.Of(revenue) });

    public static CustomerEvent View(string id, DateTimeOffset at) =>
        new(id, "product_viewed", at, new Dictionary<string, PropertyValue> { ["category"] = PropertyValue.Of("Phones") });

    public static CustomerEvent EmailSent(string id, DateTimeOffset at) => new(id, "email_sent", at, CustomerEvent.NoProperties);
}
