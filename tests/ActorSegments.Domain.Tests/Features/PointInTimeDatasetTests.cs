using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Features;
using ActorSegments.Domain.Storage;
using static ActorSegments.Domain.Tests.Features.Journals;

namespace ActorSegments.Domain.Tests.Features;

public sealed class PointInTimeDatasetTests
{
    private static readonly BehaviorModel Model = BehaviorModel.Default;

    [Fact]
    public void Cutoffs_AreStackedWithTheCustomersKnownAtEachAndTheirLabels()
    {
        var later = Cutoff + (30 * Day);
        CustomerHistory[] histories =
        [
            new Journals("old").Past().Event("purchase", Cutoff + Day, revenue: 5).Build(),
            new Journals("new").Event("product_viewed", Cutoff + (10 * Day)).Event("purchase", later + (29 * Day), revenue: 5).Build(),
            new Journals("gone").Event("product_viewed", Cutoff - (50 * Day)).Build(),
        ];

        var dataset = PointInTimeDataset.Build(histories, [Cutoff, later], Outcomes.Purchase30Days, Model, later + (30 * Day), TestContext.Current.CancellationToken);

        Assert.Equal(
            [new("old", Cutoff), new("gone", Cutoff), new("old", later), new("new", later), new("gone", later)],
            dataset.Samples);
        Assert.Equal([true, false, false, true, false], dataset.Labels);
        Assert.Equal(PointInTimeFeatures.Extract(histories[0], later, Model), dataset.Rows[2]);
        Assert.Equal(2, dataset.ToPropensityDataset().Positives);
    }

    [Fact]
    public void ACutoffWhoseLabelWindowEndsAfterTheData_IsRefused()
    {
        var histories = new[] { new Journals("c1").Past().Build() };
        var dataEnd = Cutoff + (60 * Day);

        var error = Assert.Throws<ArgumentException>(() =>
            PointInTimeDataset.Build(histories, [Cutoff, Cutoff + Day], Outcomes.Churn60Days, Model, dataEnd, TestContext.Current.CancellationToken));

        Assert.Contains("churn_60d", error.Message, StringComparison.Ordinal);
        Assert.Contains("incomplete", error.Message, StringComparison.Ordinal);
        Assert.Single(PointInTimeDataset.Build(histories, [Cutoff], Outcomes.Churn60Days, Model, dataEnd, TestContext.Current.CancellationToken).Rows);
    }
}
