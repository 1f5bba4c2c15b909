using ActorSegments.Domain.Features;
using ActorSegments.Domain.Storage;

namespace ActorSegments.ClusterBench.Recluster;

/// <summary>
/// Feature rows written straight into the feature table through <see cref="IFeatureStore.UpsertAsync"/> (binary COPY,
/// then one merge per chunk), as the silos' feature writers would have written them over time. Setup, not measured.
/// </summary>
internal static class FeatureSeeding
{
    private const int ChunkRows = 50_000;

    /// <summary>One day's changes: this share of customers acted, and their rows were rewritten.</summary>
    public const double DailyShare = 0.05;

    /// <summary>Of the customers who acted, this share behaved like another kind of customer (a loyal one lapsing, say).</summary>
    private const int MovedOneIn = 4;

    /// <summary>
    /// Every customer's first row, written over the last 30 days (so "days since" features age by different amounts
    /// when a refresh reads them).
    /// </summary>
    public static Task SeedAsync(IFeatureStore store, string workspace, int customers, DateTimeOffset now) =>
        UpsertAsync(store, workspace, Enumerable.Range(0, customers), c =>
            SyntheticFeatureRows.Draw(c, FeatureArchetype.Of(c), draw: 0, now.AddSeconds(-(c * 7_919L % (30 * 86_400))).ToUnixTimeSeconds()));

    /// <summary>
    /// A day's rewrite: <see cref="DailyShare"/> of the customers (an even spread) get a new row as of
    /// <paramref name="now"/>, one in <see cref="MovedOneIn"/> of them drawn from the next archetype. Returns how many.
    /// </summary>
    public static async Task<int> RewriteDayAsync(IFeatureStore store, string workspace, int customers, DateTimeOffset now)
    {
        var every = (int)Math.Round(1 / DailyShare);
        var acted = Enumerable.Range(0, customers).Where(c => c % every == every / 2).ToList();
        await UpsertAsync(store, workspace, acted, c =>
        {
            var kind = FeatureArchetype.Of(c);
            return SyntheticFeatureRows.Draw(c, c / every % MovedOneIn == 0 ? kind.Next() : kind, draw: 1, now.ToUnixTimeSeconds());
        });
        return acted.Count;
    }

    private static async Task UpsertAsync(IFeatureStore store, string workspace, IEnumerable<int> customers, Func<int, FeatureRow> row)
    {
        foreach (var chunk in customers.Chunk(ChunkRows))
        {
            await store.UpsertAsync(workspace, [.. chunk.Select(row)]);
        }
    }
}
