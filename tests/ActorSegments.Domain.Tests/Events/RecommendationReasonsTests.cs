using ActorSegments.Domain.Events;
using CsCheck;

namespace ActorSegments.Domain.Tests.Events;

/// <summary>
/// A model output's reasons explain its recommended items one for one: a mismatched list is refused as the output is
/// built, the journal carries them exactly, and a record written before reasons existed still reads (with none).
/// </summary>
public sealed class RecommendationReasonsTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 30, 15, TimeSpan.Zero);

    // Format 2 as written before reasons: version, kind 2, id "m1", the Unix epoch, flags 4 (recommendations),
    // no scores, then ["p-1", "p-2"]. Pinned by hand so a change to the writer cannot move both sides.
    private const string OutputWithoutReasons = "0202" + "026D31" + "8080ACFBBEFDBF9F11" + "04" + "00" + "02" + "03702D31" + "03702D32";

    private static readonly Gen<ModelOutput> OutputsWithReasons = Gen.Select(
        Gen.String[1, 64],
        Gen.String.Array[0, 6],
        Gen.Int[0, 2],
        (id, items, cohort) =>
        {
            var output = new ModelOutput(id, At) { Recommendations = items };
            output = output with { RecommendationReasons = [.. items.Select((item, i) => i % 2 == 0 ? $"similar to {item} you viewed" : "")] };
            return cohort switch { 0 => output, 1 => output with { Cohort = null }, _ => output with { Cohort = "cohort-3" } };
        });

    [Fact]
    public void RecommendationReasons_OnePerItem_AreKeptInTheItemsOrder()
    {
        var output = new ModelOutput("m1", At) { Recommendations = ["p-1", "p-2"], RecommendationReasons = ["popular now", ""] };

        Assert.Equal(["popular now", ""], output.RecommendationReasons);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void RecommendationReasons_CountOtherThanTheItems_IsRefused(int count)
    {
        var reasons = Enumerable.Repeat("popular now", count).ToArray();

        var refused = Assert.Throws<ArgumentException>(() => new ModelOutput("m1", At) { Recommendations = ["p-1", "p-2"], RecommendationReasons = reasons });

        Assert.Equal("RecommendationReasons", refused.ParamName);
        Assert.Contains($"{count} reasons for 2 items", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RecommendationReasons_WithoutRecommendationsSetBefore_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => new ModelOutput("m1", At) { RecommendationReasons = ["popular now"] });
        Assert.Throws<ArgumentException>(() => new ModelOutput("m1", At) { RecommendationReasons = ["popular now"], Recommendations = ["p-1"] });
        Assert.Throws<ArgumentException>(() => new ModelOutput("m1", At) { Scores = [new("purchase_30d", 0.5)] } with { RecommendationReasons = [] });
    }

    [Fact]
    public void Recommendations_ReplacedByWith_DropTheReasonsOfTheFormerItems()
    {
        var explained = new ModelOutput("m1", At) { Recommendations = ["p-1", "p-2"], RecommendationReasons = ["popular now", "popular in Kitchen"] };

        var replaced = explained with { Recommendations = ["p-3"] };
        var both = explained with { Recommendations = ["p-3"], RecommendationReasons = ["bought together with p-1"] };
        var cohortOnly = explained with { Cohort = "cohort-1" };

        Assert.Null(replaced.RecommendationReasons);
        Assert.Equal(["bought together with p-1"], both.RecommendationReasons);
        Assert.Equal(explained.RecommendationReasons, cohortOnly.RecommendationReasons);
    }

    [Fact]
    public void Equals_OutputsDifferingOnlyInReasons_AreDifferent()
    {
        var plain = new ModelOutput("m1", At) { Recommendations = ["p-1"] };
        var explained = plain with { RecommendationReasons = ["popular now"] };

        Assert.NotEqual(plain, explained);
        Assert.NotEqual(explained, explained with { RecommendationReasons = ["popular in Kitchen"] });
        Assert.Equal(explained, plain with { RecommendationReasons = ["popular now"] });
    }

    [Fact]
    public void ModelOutputWithReasons_RoundTripsExactlyThroughTheJournalCodec()
    {
        OutputsWithReasons.Sample(output => Assert.Equal(output, JournalRecordCodec.Deserialize(JournalRecordCodec.Serialize(output))), iter: 1000);
    }

    [Fact]
    public void OutputWithoutReasons_IsWrittenAndReadAsBeforeReasonsExisted()
    {
        var output = new ModelOutput("m1", DateTimeOffset.UnixEpoch) { Recommendations = ["p-1", "p-2"] };

        var read = Assert.IsType<ModelOutput>(JournalRecordCodec.Deserialize(Convert.FromHexString(OutputWithoutReasons)));

        Assert.Equal(OutputWithoutReasons, Convert.ToHexString(JournalRecordCodec.Serialize(output)));
        Assert.Equal(["p-1", "p-2"], read.Recommendations);
        Assert.Null(read.RecommendationReasons);
    }

    [Fact]
    public void OutputWithReasons_SetsFlagEightAndAppendsTheReasons()
    {
        var output = new ModelOutput("m1", DateTimeOffset.UnixEpoch) { Recommendations = ["p-1", "p-2"], RecommendationReasons = ["x", ""] };

        var hex = Convert.ToHexString(JournalRecordCodec.Serialize(output));

        Assert.Equal(OutputWithoutReasons.Replace("9F1104", "9F110C", StringComparison.Ordinal) + "02" + "0178" + "00", hex);
    }

    [Theory]
    [InlineData("0C0002" + "03702D31" + "03702D32" + "01" + "0178")] // one reason for two items
    [InlineData("080000")] // reasons without recommendations
    public void Deserialize_ReasonsThatDoNotMatchTheItems_IsInvalidData(string flagsOnward)
    {
        var bytes = Convert.FromHexString("0202" + "026D31" + "8080ACFBBEFDBF9F11" + flagsOnward);

        Assert.Throws<InvalidDataException>(() => JournalRecordCodec.Deserialize(bytes));
    }
}
