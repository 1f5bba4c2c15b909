namespace ActorSegments.MemberRows;

/// <summary>One statement split run: the commits it measured and the backend nanoseconds spent by each part.</summary>
internal sealed record SplitResult(int Round, int Changes, long Commits, IReadOnlyDictionary<string, long> Nanoseconds)
{
    /// <summary>The parts, each with the unit its cost is given per.</summary>
    public static IReadOnlyList<(string Part, string Unit)> Parts { get; } =
    [
        (StatementSplit.Copy, "event"),
        (StatementWriter.Log, "change"),
        (StatementWriter.Members, "change"),
        (StatementWriter.Counts, "change"),
        (StatementWriter.WakeUps, "wake-up move"),
        (StatementWriter.Registry, "commit"),
        (StatementSplit.Transaction, "commit"),
    ];

    /// <summary>Microseconds of backend CPU per unit of <paramref name="part"/>.</summary>
    public double MicrosPer(string part, string unit)
    {
        var units = unit switch
        {
            "event" => Commits * CommitShape.EventsPerCommit,
            "change" => Commits * Changes,
            _ => Commits,
        };
        return Nanoseconds.GetValueOrDefault(part) / 1e3 / Math.Max(units, 1);
    }

    public double MicrosPerCommit => Nanoseconds.Values.Sum() / 1e3 / Math.Max(Commits, 1);
}
