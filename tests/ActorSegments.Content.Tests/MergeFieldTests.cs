namespace ActorSegments.Content.Tests;

/// <summary>The flat merge fields of recommendations: one per item, and a reason field only for an item with a reason.</summary>
public sealed class MergeFieldTests
{
    [Fact]
    public void MergeFields_RecommendationsWithReasons_AddARecReasonFieldForEachItemWithOne()
    {
        var profile = Profiles.Customer("c1", recommendations: ["p-9", "p-3", "p-7"], reasons: ["bought together with WHITE HANGING HEART T-LIGHT HOLDER", "", "popular now"]);

        var fields = MergeFields.Of(profile, cohortName: null);

        Assert.Equal(("p-9", "p-3", "p-7"), (fields["rec_1"], fields["rec_2"], fields["rec_3"]));
        Assert.Equal("bought together with WHITE HANGING HEART T-LIGHT HOLDER", fields["rec_1_reason"]);
        Assert.False(fields.ContainsKey("rec_2_reason"));
        Assert.Equal("popular now", fields["rec_3_reason"]);
    }

    [Fact]
    public void MergeFields_RecommendationsWithoutReasons_HaveNoReasonFields()
    {
        var fields = MergeFields.Of(Profiles.Customer("c2", recommendations: ["p-9", "p-3"]), cohortName: null);

        Assert.Equal("p-3", fields["rec_2"]);
        Assert.DoesNotContain(fields.Keys, k => k.EndsWith("_reason", StringComparison.Ordinal));
    }
}
