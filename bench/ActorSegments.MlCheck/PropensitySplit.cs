using ActorSegments.Domain.Features;
using ActorSegments.Grains.Modeling;

namespace ActorSegments.MlCheck;

/// <summary>
/// Where a propensity check cuts time. Training: the service's own plan (<see cref="PropensityCutoffs"/>) as if its
/// holdout were the split, i.e. cutoffs 30 days apart (at most six) going back from the latest whose label window ends
/// by the split. Test: the first of each month from the split on, while the label window ends by the data's end.
/// </summary>
internal sealed record PropensitySplit(IReadOnlyList<long> Training, IReadOnlyList<long> Test)
{
    public static PropensitySplit For(Outcome outcome, long dataStart, long split, long dataEnd)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var training = PropensityCutoffs.Plan(dataStart, split + outcome.WindowSeconds, outcome)?.Training
            ?? throw new InvalidOperationException($"The data from {CsvExport.Date(dataStart)} is too short to train {outcome.Name} before {CsvExport.Date(split)}.");
        var test = new List<long>();
        for (var month = DateTimeOffset.FromUnixTimeSeconds(split); outcome.WindowEnd(month.ToUnixTimeSeconds()) <= dataEnd; month = month.AddMonths(1))
        {
            test.Add(month.ToUnixTimeSeconds());
        }

        return new PropensitySplit([.. training.Order()], test);
    }
}
