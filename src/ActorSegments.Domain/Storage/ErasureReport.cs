namespace ActorSegments.Domain.Storage;

/// <summary>
/// What an erasure removed: rows deleted or redacted per table (tables with none are left out), and whether the id
/// was already suppressed before (a repeated erasure).
/// </summary>
public sealed record ErasureReport(IReadOnlyDictionary<string, long> Rows, bool WasSuppressed)
{
    /// <summary>Rows removed or redacted in all tables.</summary>
    public long Total => Rows.Values.Sum();
}
