namespace ActorSegments.ML.Tests.Cohorts;

/// <summary>The adjusted Rand index of two labellings: 1 for the same partition (whatever the label numbers), ~0 for chance.</summary>
internal static class AdjustedRand
{
    public static double Index(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        var pairs = a.Zip(b).GroupBy(p => p).Select(g => Choose2(g.Count())).Sum();
        var rows = a.GroupBy(x => x).Select(g => Choose2(g.Count())).Sum();
        var columns = b.GroupBy(x => x).Select(g => Choose2(g.Count())).Sum();
        var expected = rows * columns / Choose2(a.Count);
        var maximum = (rows + columns) / 2;
        return (pairs - expected) / (maximum - expected);
    }

    private static double Choose2(int n) => n * (n - 1) / 2.0;
}
