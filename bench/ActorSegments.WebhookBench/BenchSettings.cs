namespace ActorSegments.WebhookBench;

/// <summary>One invocation's shape: the ingest every run drives, the destination the webhook runs add, and the processes whose CPU is read.</summary>
internal sealed record BenchSettings(
    TimeSpan Duration,
    int Callers,
    int BatchSize,
    int Customers,
    int WebhookBatch,
    TimeSpan WebhookMaxDelay,
    TimeSpan DrainLimit,
    IReadOnlyDictionary<string, int> CpuWatches);
