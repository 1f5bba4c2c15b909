using ActorSegments.Domain.Modeling;

namespace ActorSegments.Domain.Tests.Modeling;

public sealed class CohortLabelChangesTests
{
    private static readonly CohortLabelOverride Gifts = new("Gift Buyers", null, Pinned: true, [1f, 2f]);
    private static readonly CohortLabelOverride Lapsed = new("Lapsed", null, Pinned: false);

    [Fact]
    public void Apply_NothingChangedDuringTheRun_TakesTheRunsNames()
    {
        var atStart = Settings(("cohort-1", Gifts), ("cohort-2", Lapsed));
        var released = new Dictionary<string, CohortLabelOverride>(); // the pin released, the unpinned name dropped

        var updated = CohortLabelChanges.Apply(atStart, released, Copy(atStart));

        Assert.Empty(updated.Labels);
    }

    [Fact]
    public void Apply_ARenameDuringTheRun_Stands()
    {
        var atStart = Settings(("cohort-1", Gifts));
        var renamed = new CohortLabelOverride("Holiday Gifting", null, Pinned: true, [1f, 2f]);
        var current = Settings(("cohort-1", renamed), ("cohort-3", Lapsed)) with { FixedK = 5 };

        var updated = CohortLabelChanges.Apply(atStart, new Dictionary<string, CohortLabelOverride>(), current);

        Assert.Equal((5, "Holiday Gifting", "Lapsed"), (updated.FixedK, updated.Labels["cohort-1"].Name, updated.Labels["cohort-3"].Name));
    }

    [Fact]
    public void Apply_AnchorsReadBackAsNewArrays_CountAsUnchanged()
    {
        var atStart = Settings(("cohort-1", Gifts));
        var anchored = Gifts with { Anchor = [3f, 4f] };

        var updated = CohortLabelChanges.Apply(atStart, new Dictionary<string, CohortLabelOverride> { ["cohort-1"] = anchored }, Copy(atStart));

        Assert.Equal([3f, 4f], updated.Labels["cohort-1"].Anchor ?? []);
    }

    private static CohortSettings Settings(params (string Id, CohortLabelOverride Label)[] labels) =>
        CohortSettings.Default with { Labels = labels.ToDictionary(l => l.Id, l => l.Label, StringComparer.Ordinal) };

    /// <summary>The settings as a store reads them back: equal values, new arrays.</summary>
    private static CohortSettings Copy(CohortSettings settings) => settings with
    {
        Labels = settings.Labels.ToDictionary(l => l.Key, l => l.Value with { Anchor = l.Value.Anchor?.ToArray() }, StringComparer.Ordinal),
    };
}
