using System.ComponentModel.DataAnnotations;
using ActorSegments.Domain.Validation;

namespace ActorSegments.Grains.Modeling;

/// <summary>How cohort refreshes and model trainings run and write their outputs back to customers.</summary>
public sealed class ModelingOptions : IValidatableObject
{
    public const string SectionName = "ActorSegments:Modeling";

    /// <summary>Customer calls in flight while writing outputs back: enough to keep every silo busy, bounded so a
    /// million-customer push does not queue a million calls.</summary>
    [Range(1, 10_000)]
    public int PushConcurrency { get; set; } = 256;

    /// <summary>Attempts per customer when a write-back is refused because the journal is overloaded.</summary>
    [Range(1, 100)]
    public int PushAttempts { get; set; } = 5;

    /// <summary>How often cohorts are refreshed on their own; zero turns the schedule off.</summary>
    [Range(typeof(TimeSpan), "00:00:00", OptionRanges.Forever)]
    public TimeSpan CohortRefreshEvery { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often the scheduler looks for a workspace whose cohorts are due.</summary>
    [Range(typeof(TimeSpan), "00:00:01", OptionRanges.Forever)]
    public TimeSpan ScheduleCheckEvery { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A workspace needs at least this many customers with features before cohorts are computed.</summary>
    [Range(2, int.MaxValue)]
    public int MinimumCustomersForCohorts { get; set; } = 50;

    [Range(2, 30)]
    public int MinK { get; set; } = 3;

    [Range(2, 30)]
    public int MaxK { get; set; } = 8;

    [Range(1, 50)]
    public int Seeds { get; set; } = 4;

    [Range(1_000, int.MaxValue)]
    public int TrainingSample { get; set; } = 100_000;

    /// <summary>How long a silo serves customers' live scores from a model before looking for a newer version.</summary>
    [Range(typeof(TimeSpan), "00:00:01", OptionRanges.Forever)]
    public TimeSpan ScoringModelRefresh { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A live score is written back only when it moved at least this much, so scores do not flood the journal.</summary>
    [Range(0d, 1d, MaximumIsExclusive = true)]
    public double ScoreChangeToRecord { get; set; } = 0.01;

    /// <summary>Recommendations written to each customer.</summary>
    [Range(1, 100)]
    public int RecommendationsPerCustomer { get; set; } = 10;

    /// <summary>The rules between settings; each setting's own range is on the property.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MinK > MaxK)
        {
            yield return new ValidationResult($"must be at most MaxK ({MaxK}) (got {MinK}).", [nameof(MinK)]);
        }
    }
}
