namespace ActorSegments.MemberRows;

/// <summary>Which statements a plain-SQL transaction runs besides the journal's COPY.</summary>
[Flags]
internal enum Statements
{
    None = 0,
    Log = 1,
    Members = 2,
    Counts = 4,
    All = Log | Members | Counts,
}

/// <summary>
/// One shape of load: <see cref="Changes"/> membership changes and, when <see cref="WakeUpMoves"/>, a new wake-up in
/// every commit; written by the real journal, or (<see cref="Sql"/> not null) by plain SQL running only those of the
/// journal's membership statements.
/// </summary>
internal sealed record Variant(string Name, int Changes, bool WakeUpMoves, Statements? Sql)
{
    /// <summary>The variants in the order each round runs them (rotated from round to round).</summary>
    public static IReadOnlyList<Variant> All { get; } =
    [
        new("events", 0, false, null),
        new("m1", 1, false, null),
        new("m3", 3, false, null),
        new("m1-wake", 1, true, null),
        new("m3-wake", 3, true, null),
        new("sql-events", 0, false, Statements.None),
        new("sql-m3", 3, false, Statements.All),
        new("sql-m3-no-log", 3, false, Statements.All & ~Statements.Log),
        new("sql-m3-no-members", 3, false, Statements.All & ~Statements.Members),
        new("sql-m3-no-counts", 3, false, Statements.All & ~Statements.Counts),
    ];
}
