namespace ActorSegments.Grains.Privacy;

/// <summary>How erasures treat the change feed (docs/privacy.md).</summary>
public sealed class PrivacyOptions
{
    /// <summary>
    /// How long the feed rows of an erased customer's exits keep its id, so ESP sync jobs and webhooks can remove the
    /// person downstream; the redaction pass then replaces it with the erasure's token. Zero redacts them at once, with
    /// the customer's older rows.
    /// </summary>
    public TimeSpan ErasedExitsVisibleFor { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Pause between redaction passes when none is due (wall clock).</summary>
    public TimeSpan RedactionInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Erasures whose exits one redaction statement handles; a full batch is followed by another at once.</summary>
    public int RedactionBatch { get; set; } = 500;
}
