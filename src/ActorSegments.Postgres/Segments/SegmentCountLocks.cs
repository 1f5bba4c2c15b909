namespace ActorSegments.Postgres.Segments;

/// <summary>
/// A segment's count lock, a transaction-scoped advisory lock ("Cnts" as ASCII, then a hash of the segment; two
/// segments with the same hash merely share a lock). Journal transactions take it shared before adding to their count
/// slots, so they never wait on each other; a recount or a deletion takes it exclusively, so it sees every journal
/// transaction that counted the segment before it, and every one after it sees its result.
/// </summary>
internal static class SegmentCountLocks
{
    /// <summary>
    /// Shared, for the segments of <c>$1</c>/<c>$2</c> (workspace and segment arrays), in key order: a journal
    /// transaction holding one key and waiting for a larger one can only wait on holders of larger keys, so no wait
    /// goes round in a cycle.
    /// </summary>
    public const string Shared = """
        SELECT count(pg_advisory_xact_lock_shared(1131312243, k))
        FROM (SELECT DISTINCT hashtext(w || '/' || s) AS k FROM unnest($1::text[], $2::text[]) AS x(w, s) ORDER BY k) AS keys
        """;

    /// <summary>Exclusive, for the segment <c>$2</c> of workspace <c>$1</c>.</summary>
    public const string Exclusive = "SELECT pg_advisory_xact_lock(1131312243, hashtext($1 || '/' || $2))";
}
