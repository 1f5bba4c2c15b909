namespace ActorSegments.Domain.Webhooks;

/// <summary>The bounds a webhook definition is checked against.</summary>
public static class WebhookLimits
{
    public const int MaxIdLength = 40;
    public const int MaxUrlLength = 2048;
    public const int MaxSegments = 100;
    public const int MaxBatchSize = 1000;
    public const int DefaultBatchSize = 100;
    public const int MaxDescriptionLength = 300;
    public static readonly TimeSpan DefaultMaxDelay = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan MaxMaxDelay = TimeSpan.FromMinutes(10);
}
