namespace ActorSegments.Abstractions.Webhooks;

/// <summary>What a test message got back: delivered or not, the status, the time taken, and an error excerpt.</summary>
[GenerateSerializer]
[Alias("actorsegments.webhook-test-result")]
public sealed record WebhookTestResult(
    [property: Id(0)] bool Found,
    [property: Id(1)] bool Delivered,
    [property: Id(2)] int? StatusCode,
    [property: Id(3)] double LatencyMs,
    [property: Id(4)] string? Error);
