using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Experiments;
using ActorSegments.Domain.Features;
using ActorSegments.Domain.Modeling.Uplift;
using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Tests.Modeling.Uplift;

/// <summary>Uplift examples from journals: arm, goal in the window, features as of the assignment, who is left out.</summary>
public sealed class UpliftExamplesTests
{
    private static readonly BehaviorModel Model = BehaviorModel.Default;
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly long DataEnd = UnixTime.Seconds(Start.AddDays(30));

    private static ExperimentDefinition Definition(MetricKind kind = MetricKind.Conversion) => new(
        "spring",
        "Spring",
        "email",
        AssignmentMode.External,
        null,
        [new ExperimentArm("treatment", 1), new ExperimentArm("holdout", 1, Control: true)],
        [new ExperimentMetric("purchase_14d", kind, "purchase", "revenue > 0", kind == MetricKind.Revenue ? "revenue" : null, 14)],
        "spring",
        new ExternalAssignment("experiment_assigned"));

    private static CompiledExperiment Experiment(MetricKind kind = MetricKind.Conversion) => CompiledExperiment.Compile(Definition(kind), Model.Schema);

    private static CustomerEvent Purchase(string id, DateTimeOffset at, double revenue) =>
        new(id, "purchase", at, new Dictionary<string, PropertyValue>(StringComparer.Ordinal) { ["revenue"] = PropertyValue.Of(revenue) });

    private static CustomerHistory History(string customer, params JournalRecord[] records) =>
        new(customer, [.. records.Select((r, i) => new JournalEntry(i + 1, UnixTime.Seconds(r.OccurredAt), r))]);

    [Fact]
    public void Build_ReadsTheArmAndTheGoalInTheWindow_WithFeaturesAsOfTheAssignment()
    {
        var before = Purchase("a1", Start.AddDays(-40), 30);
        var buyer = History("a", before, ExperimentAssignment.For("spring", "treatment", Start), Purchase("a2", Start.AddDays(1), 500), Purchase("a3", Start.AddDays(3), 20));
        var late = History("b", Purchase("b1", Start.AddDays(-5), 10), ExperimentAssignment.For("spring", "holdout", Start), Purchase("b2", Start.AddDays(14), 20));
        var filtered = History("c", Purchase("c1", Start.AddDays(-5), 10), ExperimentAssignment.For("spring", "holdout", Start), Purchase("c2", Start.AddDays(2), 0));

        var built = UpliftExamples.Build([buyer, late, filtered], Experiment(), Model, DataEnd);

        Assert.Equal(["a", "b", "c"], built.Examples.Select(e => e.CustomerId));
        Assert.Equal([true, false, false], built.Examples.Select(e => e.Treated));
        // b bought at exactly 14 days (the window is [0, 14 days)); c's purchase fails the metric's filter.
        Assert.Equal([true, false, false], built.Examples.Select(e => e.Converted));
        // What a bought after the assignment does not reach its features: they are those of its history before it.
        Assert.Equal(PointInTimeFeatures.Extract(History("a", before), UnixTime.Seconds(Start), Model), built.Examples[0].Features);
        Assert.Equal((3, 0, 0), (built.Assigned, built.WindowOpen, built.NoHistory));
    }

    [Fact]
    public void Build_LeavesOutOpenWindowsCustomersWithoutHistoryAndOtherExperiments_AndCountsThem()
    {
        var open = History("open", Purchase("o1", Start.AddDays(-5), 10), ExperimentAssignment.For("spring", "treatment", Start.AddDays(20)));
        var newcomer = History("new", ExperimentAssignment.For("spring", "treatment", Start), Purchase("n1", Start.AddDays(1), 10));
        var elsewhere = History("other", Purchase("x1", Start.AddDays(-5), 10), ExperimentAssignment.For("autumn", "treatment", Start));
        var unassigned = History("none", Purchase("u1", Start.AddDays(-5), 10));

        var built = UpliftExamples.Build([open, newcomer, elsewhere, unassigned], Experiment(), Model, DataEnd);

        Assert.Empty(built.Examples);
        Assert.Equal((2, 1, 1), (built.Assigned, built.WindowOpen, built.NoHistory));
    }

    [Fact]
    public void Build_AnExperimentJudgedOnRevenue_IsRefusedWithTheMetricNamed()
    {
        var error = Assert.Throws<ArgumentException>(() => UpliftExamples.Build([], Experiment(MetricKind.Revenue), Model, DataEnd));

        Assert.Contains("'purchase_14d', is a revenue metric", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dataset_SplitsByArmForEachOutcomeModel_AndIgnoresItForPropensity()
    {
        var dataset = new UpliftDataset([[1f], [2f], [3f]], [true, false, true], [true, true, false]);

        Assert.Equal([[1f], [3f]], dataset.Arm(treated: true).Rows);
        Assert.Equal([true, false], dataset.Arm(treated: true).Labels);
        Assert.Equal([[2f]], dataset.Arm(treated: false).Rows);
        Assert.Equal(3, dataset.IgnoringArm().Rows.Count);
    }
}
