namespace ActorSegments.SqlBaseline;

/// <summary>
/// How one segment's SQL members compare with the server's at the same instant: under plain windows
/// (<see cref="WindowPrecision.Exact"/>) and under the engine's window precision (<see cref="WindowPrecision.Tiered"/>).
/// </summary>
public sealed record Agreement(string Segment, int Server, int Sql, int OnlyServer, int OnlySql, int TieredOnlyServer, int TieredOnlySql, string? Note)
{
    /// <summary>Shared members over members of either side (1 when both are empty).</summary>
    public double Jaccard => Server + OnlySql == 0 ? 1 : (Server - OnlyServer) / (double)(Server + OnlySql);

    public bool Exact => OnlyServer == 0 && OnlySql == 0;

    public bool TieredExact => TieredOnlyServer == 0 && TieredOnlySql == 0;

    public static IReadOnlyList<Agreement> Compare(
        IReadOnlyList<SqlSegment> segments,
        IReadOnlyDictionary<string, HashSet<string>> server,
        IReadOnlyDictionary<string, HashSet<string>> exact,
        IReadOnlyDictionary<string, HashSet<string>> tiered)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(exact);
        ArgumentNullException.ThrowIfNull(tiered);
        return segments.Select(s =>
        {
            var ours = server.GetValueOrDefault(s.Id) ?? [];
            var (plain, rounded) = (exact[s.Id], tiered[s.Id]);
            return new Agreement(s.Id, ours.Count, plain.Count, ours.Count(c => !plain.Contains(c)), plain.Count(c => !ours.Contains(c)),
                ours.Count(c => !rounded.Contains(c)), rounded.Count(c => !ours.Contains(c)), s.Note);
        }).ToArray();
    }
}
