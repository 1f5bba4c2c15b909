using System.ComponentModel.DataAnnotations;

namespace ActorSegments.Grains.Features;

/// <summary>How customers' feature rows are batched into the feature table.</summary>
public sealed class FeatureWriterOptions : IValidatableObject
{
    public const string SectionName = "ActorSegments:Features";

    /// <summary>Longest a changed customer's row waits before it is written (wall clock).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", MinimumIsExclusive = true)]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Pending rows that start a write without waiting for the interval; also the most rows per write.</summary>
    [Range(1, 1_000_000)]
    public int MaxBatch { get; set; } = 5_000;

    /// <summary>
    /// Customers whose rows may wait at once; beyond it new customers' rows are dropped (and counted) until writes catch
    /// up. The table is a cache: a dropped row is rewritten by that customer's next change.
    /// </summary>
    [Range(1, 100_000_000)]
    public int MaxPending { get; set; } = 200_000;

    /// <summary>Longest pause between retries after failed writes (the pause doubles from the interval up to this).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The rules between settings; each setting's own range is on the property.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxPending < MaxBatch)
        {
            yield return new ValidationResult($"must be at least MaxBatch ({MaxBatch}) (got {MaxPending}).", [nameof(MaxPending)]);
        }

        if (MaxRetryDelay < FlushInterval)
        {
            yield return new ValidationResult($"must be at least FlushInterval ({FlushInterval}) (got {MaxRetryDelay}).", [nameof(MaxRetryDelay)]);
        }
    }
}
