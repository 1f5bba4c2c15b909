using ActorSegments.Domain.Experiments;
using ActorSegments.Domain.Rules;
using ActorSegments.Domain.Schema;

namespace ActorSegments.Domain.Tests.Experiments;

public sealed class ExperimentDefinitionCheckTests
{
    // The rule compiler is the caller's; here a rule is bad exactly when it says "bad".
    private static IReadOnlyList<RuleDiagnostic> CheckRule(string rule) =>
        rule.Contains("bad", StringComparison.Ordinal) ? [new RuleDiagnostic(1, 5, 3, "unknown attribute 'bad'")] : [];

    private static IReadOnlyList<string> Problems(ExperimentDefinition definition) =>
        [.. ExperimentDefinitionCheck.Check(definition, WorkspaceSchema.Commerce, CheckRule).Select(v => v.ToString())];

    [Fact]
    public void Check_ACampaignTestAndAStrategyExperiment_AreAccepted()
    {
        var strategy = ExperimentSamples.CampaignTest(ExperimentSamples.Purchase7d, ExperimentSamples.Revenue30d, ExperimentSamples.Retention7) with
        {
            Arms =
            [
                new ExperimentArm("ai_cohorts", 1, Targeting: "cohort in [\"cohort-1\", \"cohort-3\"]"),
                new ExperimentArm("manual", 1, Targeting: "rfm.recency_score >= 4"),
                new ExperimentArm("holdout", 1, Control: true),
            ],
        };

        Assert.Empty(Problems(ExperimentSamples.CampaignTest()));
        Assert.Empty(Problems(strategy));
    }

    [Fact]
    public void Check_AnExternallyAssignedExperiment_NeedsItsEventDeclaredWithStringProperties()
    {
        var external = ExperimentSamples.CampaignTest() with { Mode = AssignmentMode.External, Audience = null, External = new ExternalAssignment("email_sent", "campaign", "variant") };

        Assert.Equal(["external.arm_property: 'email_sent' must declare 'variant' as a string property"], Problems(external));
        Assert.Equal(["external.event_type: 'experiment_assigned' is not a declared event type"],
            Problems(external with { External = new ExternalAssignment("experiment_assigned") }));
        Assert.Equal(["external: is required for an externally assigned experiment: the event type that carries the assignment"],
            Problems(external with { External = null }));
    }

    [Fact]
    public void Check_Arms_WeightsNamesAndOneControl()
    {
        var definition = ExperimentSamples.CampaignTest() with
        {
            Arms =
            [
                new ExperimentArm("a", 0),
                new ExperimentArm("a", double.NaN),
                new ExperimentArm("B-arm", 1),
                new ExperimentArm("holdout", 1, Control: true, Targeting: "rfm.frequency > 1"),
            ],
        };

        Assert.Equal(
        [
            "arms[0].weight: expected a positive number (got 0)",
            "arms[1].name: 'a' names two arms",
            "arms[1].weight: expected a positive number (got NaN)",
            "arms[2].name: expected a lower-case letter, then lower-case letters, digits or '_' (got \"B-arm\")",
            "arms[3].targeting: the control arm is never messaged, so it has no targeting",
        ], Problems(definition));
        Assert.Contains("arms: expected exactly one control arm, the holdout never messaged (got 0)",
            Problems(definition with { Arms = [new ExperimentArm("a", 1), new ExperimentArm("b", 1)] }));
        Assert.Contains("arms: expected 2 to 20 arms, one of them the control (got 1)",
            Problems(definition with { Arms = [new ExperimentArm("a", 1, Control: true)] }));
    }

    [Fact]
    public void Check_Rules_ProblemsKeepTheirPositionUnderTheField()
    {
        var definition = ExperimentSamples.CampaignTest() with
        {
            Audience = "bad",
            Arms = [new ExperimentArm("a", 1, Targeting: "x and bad"), new ExperimentArm("holdout", 1, Control: true)],
        };

        Assert.Equal(
        [
            "audience: line 1, column 5: unknown attribute 'bad'",
            "arms[0].targeting: line 1, column 5: unknown attribute 'bad'",
        ], Problems(definition));
        Assert.Contains("audience: is required", Problems(definition with { Audience = " " })[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Metrics_AgainstTheSchema()
    {
        var definition = ExperimentSamples.CampaignTest(
            new ExperimentMetric("signup", MetricKind.Conversion, "signed_up", null, null, 7),
            new ExperimentMetric("revenue", MetricKind.Revenue, "purchase", null, "category", 30),
            new ExperimentMetric("revenue", MetricKind.Conversion, "purchase", "revenue > \"x\"", null, 0),
            new ExperimentMetric("day_400", MetricKind.Retention, null, "revenue > 0", null, 400),
            new ExperimentMetric("views", MetricKind.Conversion, "product_viewed", null, "price", 3));

        Assert.Equal(
        [
            "metrics[0].event_type: 'signed_up' is not a declared event type",
            "metrics[1].property: expected a number property of 'purchase' to sum (got 'category')",
            "metrics[2].name: 'revenue' names two metrics",
            "metrics[2].days: expected the window in days after assignment, 1 to 365 (got 0)",
            "metrics[2].where: line 1, column 1: 'revenue' is a number; the string \"x\" is not",
            "metrics[3].days: expected the day N after assignment, 1 to 365 (got 400)",
            "metrics[3].where: a filter needs an event type; without one, retention counts any activity",
            "metrics[4].property: only revenue metrics sum a property",
        ], Problems(definition));
        Assert.Contains("metrics: expected 1 to 20 metrics, the first the primary goal (got 0)", Problems(definition with { Metrics = [] }));
    }

    [Fact]
    public void Check_Identity_IdNameChannelSalt()
    {
        var definition = ExperimentSamples.CampaignTest() with { Id = "Spring Sale", Name = "", Channel = "E-mail", Salt = new string('s', 129) };

        Assert.Equal(
        [
            "experiment_id: expected a lower-case letter, then lower-case letters, digits or '_' (got \"Spring Sale\")",
            "name: is required",
            "channel: expected a lower-case letter, then lower-case letters, digits or '_' (got \"E-mail\")",
            "salt: must be at most 128 characters (got 129)",
        ], Problems(definition));
        Assert.Contains("experiment_id: must be at most 32 characters", Problems(definition with { Id = new string('a', 33), Name = "n", Channel = "email", Salt = "s" })[0], StringComparison.Ordinal);
    }
}
