using ActorSegments.Domain.Features;

namespace ActorSegments.Grains.Modeling;

/// <summary>
/// Where a propensity training cuts time: the holdout cutoff is the latest whose label window the data covers, and
/// the training cutoffs step back a month at a time from the latest whose label window ends by the holdout cutoff, so
/// no training label looks into the holdout period.
/// </summary>
public sealed record PropensityCutoffs(IReadOnlyList<long> Training, long Holdout)
{
    private const long Day = 86_400;
    private const long Step = 30 * Day;

    /// <summary>History a customer needs before the earliest cutoff for its features to mean something.</summary>
    private const long MinimumHistory = 30 * Day;

    public const int MaxTrainingCutoffs = 6;

    /// <summary>The cutoffs for data spanning <paramref name="dataStart"/> to <paramref name="dataEnd"/>; null when too short.</summary>
    public static PropensityCutoffs? Plan(long dataStart, long dataEnd, Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var holdout = Day * (((dataEnd - outcome.WindowSeconds) / Day));
        var training = new List<long>();
        for (var cutoff = holdout - outcome.WindowSeconds; cutoff >= dataStart + MinimumHistory && training.Count < MaxTrainingCutoffs; cutoff -= Step)
        {
            training.Add(cutoff);
        }

        return training.Count == 0 ? null : new PropensityCutoffs(training, holdout);
    }
}
