namespace ActorSegments.LockWaits;

/// <summary>What the sampled sessions were doing, summed over all samples.</summary>
internal sealed class LockWaitCounts
{
    public int Samples { get; set; }

    /// <summary>Session samples inside a transaction (running a statement, or between statements of one).</summary>
    public long InTransaction { get; private set; }

    /// <summary>Of those, waiting for another transaction's row: <c>Lock/transactionid</c> or <c>Lock/tuple</c>.</summary>
    public long RowLockWaits { get; private set; }

    /// <summary>Of those, waiting on any heavyweight lock (rows, advisory, relations, ...).</summary>
    public long LockWaits { get; private set; }

    /// <summary>Of those, with a lock request not granted in <c>pg_locks</c>.</summary>
    public long NotGranted { get; private set; }

    /// <summary>Of those, flushing the WAL at commit (<c>IO/WALSync</c>) or waiting for another session to (<c>LWLock/WALWrite</c>).</summary>
    public long WalFlush { get; private set; }

    /// <summary>Session samples inside a transaction by what they waited on ("running" when on no wait event).</summary>
    public Dictionary<string, long> ByWait { get; } = new(StringComparer.Ordinal);

    public void Add(string state, string waitType, string waitEvent, bool notGranted)
    {
        if (state is "" or "idle")
        {
            return;
        }

        InTransaction++;
        var wait = waitType == "" ? "running" : $"{waitType}/{waitEvent}";
        ByWait[wait] = ByWait.GetValueOrDefault(wait) + 1;
        if (waitType == "Lock")
        {
            LockWaits++;
            if (waitEvent is "transactionid" or "tuple")
            {
                RowLockWaits++;
            }
        }

        if ((waitType, waitEvent) is ("IO", "WALSync") or ("LWLock", "WALWrite"))
        {
            WalFlush++;
        }

        if (notGranted)
        {
            NotGranted++;
        }
    }

    public double Share(long part) => InTransaction == 0 ? 0 : (double)part / InTransaction;
}
