using System.ComponentModel.DataAnnotations;

namespace ActorSegments.Server.Configuration;

/// <summary>
/// Admission control at the ingest gateway: how much ingest work one server takes on before it refuses more at once
/// (RESOURCE_EXHAUSTED with a RetryInfo delay; HTTP 429 with Retry-After) instead of queueing it until callers'
/// deadlines pass. The defaults are sized from the capacity measured on two cores with PostgreSQL on the same machine
/// (about 21,000 durable events/s in batches; docs/benchmarks.md, "Overload").
/// </summary>
public sealed class AdmissionOptions : IValidatableObject
{
    public const string SectionName = "ActorSegments:Admission";

    /// <summary>Off only to measure what the server does without it: calls then queue without bound.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Most events being applied at once (unary calls, batches, stream batches; default 10,000). Throughput already
    /// peaks with about 4,000 in flight (8 batches of 500), and 10,000 drain in about half a second at the measured
    /// rate, so this bounds the wait an admitted call can see behind others; it also keeps a silo's journal queue
    /// (20,000 commits) from filling even when two gateways feed the same silo.
    /// </summary>
    [Range(1, 10_000_000)]
    public int MaxEventsInFlight { get; set; } = 10_000;

    /// <summary>
    /// Most unary ingest calls (Track, TrackBatch, Identify, over gRPC or JSON) being read or served at once
    /// (default 256, the number of unary callers that saturated the measured server). Checked before a request's body
    /// is read, so it also bounds the request bodies held in memory: at most this many times
    /// <c>ActorSegments:Ingest:MaxMessageBytes</c>.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxRequestsInFlight { get; set; } = 256;

    /// <summary>
    /// The drain rate (events/s) assumed until the server has measured its own (default 20,000, the measured
    /// capacity); the measured rate replaces it within seconds of load.
    /// </summary>
    [Range(1d, 100_000_000d)]
    public double InitialDrainRate { get; set; } = 20_000;

    /// <summary>Shortest retry delay given to a refused caller (default 250 ms).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", MinimumIsExclusive = true)]
    public TimeSpan MinRetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Longest retry delay given to a refused caller (default 5 s), however far behind the server is.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The rules between settings; each setting's own range is on the property.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxRetryDelay < MinRetryDelay)
        {
            yield return new ValidationResult($"must be at least MinRetryDelay ({MinRetryDelay:c}) (got {MaxRetryDelay:c}).", [nameof(MaxRetryDelay)]);
        }
    }
}
