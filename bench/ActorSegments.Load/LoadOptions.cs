namespace ActorSegments.Load;

/// <summary>How events travel: one Track call each, TrackBatch calls, or batches on TrackStream streams.</summary>
public enum IngestMode
{
    Unary,
    Batch,
    Stream,
}

/// <summary>
/// One scenario of the load generator. <see cref="Rate"/> 0 is closed loop (<see cref="Concurrency"/> callers, each
/// sending its next request as soon as the last is acknowledged); above 0 it is open loop at that many events a second,
/// whatever the server's answers. Every run stops at <see cref="Events"/> or <see cref="Duration"/>, whichever is first.
/// </summary>
public sealed record LoadOptions
{
    public required Uri Address { get; init; }

    public string? ApiKey { get; init; }

    public int Customers { get; init; } = 10_000;

    public int Seed { get; init; } = 7;

    /// <summary>Create the 50 workload segments (and the latency probe) in each run's fresh workspace first.</summary>
    public bool Segments { get; init; } = true;

    public int BatchSize { get; init; } = 500;

    public IngestMode Mode { get; init; } = IngestMode.Batch;

    public int Concurrency { get; init; } = 8;

    public double Rate { get; init; }

    public long Events { get; init; } = 200_000;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);

    public int Runs { get; init; } = 3;

    /// <summary>Send every event twice and measure only the second pass, which the server only recognizes as already applied.</summary>
    public bool Duplicates { get; init; }

    /// <summary>
    /// Closed loop: one event per customer before the clock starts, so the run measures customers the server already
    /// knows (steady ingest) rather than mostly their first calls.
    /// </summary>
    public bool Warm { get; init; }

    /// <summary>
    /// Stamp the closed loop's events with the time its requests are built (after warming) instead of spreading them
    /// over <see cref="HistoryDays"/>: events as they arrive in production, which an experiment's windows count.
    /// </summary>
    public bool LiveTimes { get; init; }

    /// <summary>Run each run with an experiment running in its workspace (see <see cref="ExperimentSetup"/>).</summary>
    public bool Experiment { get; init; }

    /// <summary>Days of history the closed-loop events are spread over, ending now.</summary>
    public int HistoryDays { get; init; } = 30;

    /// <summary>Latency probes a second in open loop (each a probe customer's first <c>email_replied</c>).</summary>
    public int ProbesPerSecond { get; init; } = 100;

    /// <summary>
    /// Closed loop: a segment whose change feed two followers tail while the load runs (see <see cref="FeedLag"/>);
    /// null for none.
    /// </summary>
    public string? FollowSegment { get; init; }

    /// <summary>How often the followers' distance from the feed's head is sampled.</summary>
    public TimeSpan LagSampleInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Export scenario: first fill a fresh workspace with this many customers, one event each, all entering one
    /// segment, and export that segment; 0 exports the largest segment already on the server.
    /// </summary>
    public int ExportCustomers { get; init; }

    /// <summary>Processes (by name) whose CPU time each run reports per event, e.g. the server and PostgreSQL.</summary>
    public IReadOnlyDictionary<string, int> CpuWatches { get; init; } = new Dictionary<string, int>();

    /// <summary>Overload: the load offered, as multiples of <see cref="Capacity"/>, one level after another.</summary>
    public IReadOnlyList<double> OverloadMultiples { get; init; } = [1, 2, 5];

    /// <summary>Overload: the server's capacity in events/s; 0 measures it first (closed loop on known customers).</summary>
    public double Capacity { get; init; }

    /// <summary>Overload: each call's deadline. Calls are not retried: each ends with the status the server gave it.</summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Overload: HTTP/2 connections the calls are spread over, one per channel.</summary>
    public int Connections { get; init; } = 40;

    /// <summary>Overload: also send this many calls at once (a burst), after the levels; 0 for none.</summary>
    public int Burst { get; init; }

    /// <summary>Unary calls carry one event each, whatever the batch size says.</summary>
    public int EventsPerRequest => Mode == IngestMode.Unary ? 1 : BatchSize;
}
