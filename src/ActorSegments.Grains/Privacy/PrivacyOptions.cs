using System.ComponentModel.DataAnnotations;

namespace ActorSegments.Grains.Privacy;

/// <summary>How erasures treat the change feed (docs/privacy.md).</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "ActorSegments:Privacy";

    /// <summary>
    /// How long the feed rows of an erased customer's exits keep its id, so ESP sync jobs and webhooks can remove the
    /// person downstream; the redaction pass then replaces it with the erasure's token. Zero redacts them at once, with
    /// the customer's older rows.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "90.00:00:00")]
    public TimeSpan ErasedExitsVisibleFor { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Pause between redaction passes when none is due (wall clock).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", MinimumIsExclusive = true)]
    public TimeSpan RedactionInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Erasures whose exits one redaction statement handles; a full batch is followed by another at once.</summary>
    [Range(1, 100_000)]
    public int RedactionBatch { get; set; } = 500;
}
