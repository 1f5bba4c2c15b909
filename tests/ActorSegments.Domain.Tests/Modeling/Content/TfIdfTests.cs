using ActorSegments.Domain.Modeling.Content;

namespace ActorSegments.Domain.Tests.Modeling.Content;

public sealed class TfIdfTests
{
    [Fact]
    public void Tokenize_LowercasesSplitsOnNonAlphanumericsDropsShortAndStopWords()
    {
        Assert.Equal(["set", "red", "mugs", "12", "s2"], ContentTokenizer.Tokenize("SET of 3 Red-Mugs, 12 x_s2 and the"));
    }

    [Fact]
    public void Transform_ThreeDocuments_EqualsTheHandComputedSmoothIdfL2Vectors()
    {
        // n = 3; df(red) = df(mug) = 2, df(box) = df(blue) = 1.
        // idf(red) = idf(mug) = ln(4/3) + 1 = 1.28768207; idf(box) = idf(blue) = ln(4/2) + 1 = 1.69314718.
        // "blue mug mug": (blue 1 x 1.69314718, mug 2 x 1.28768207), length 3.08208494 -> (0.54935123, 0.83559154).
        IReadOnlyList<string>[] documents = [["red", "mug"], ["red", "box"], ["blue", "mug", "mug"]];
        var tfidf = TfIdf.Fit(documents);

        var vector = tfidf.Transform(documents[2]);

        Assert.Equal([0, 1, 2, 3], ((string[])["blue", "box", "mug", "red"]).Select(t => tfidf.IndexOf(t)!.Value));
        Assert.Equal(1.28768207, tfidf.Idf[tfidf.IndexOf("red")!.Value], 8);
        Assert.Equal(1.69314718, tfidf.Idf[tfidf.IndexOf("box")!.Value], 8);
        Assert.Equal([tfidf.IndexOf("blue")!.Value, tfidf.IndexOf("mug")!.Value], vector.Indexes);
        Assert.Equal(0.54935123, vector.Values[0], 8);
        Assert.Equal(0.83559154, vector.Values[1], 8);
    }

    [Fact]
    public void Transform_UnseenTermsOnly_ZeroVector()
    {
        var tfidf = TfIdf.Fit([["red"]]);

        Assert.Empty(tfidf.Transform(["green"]).Indexes);
    }
}
