namespace ActorSegments.Domain.Behavior;

/// <summary>
/// Breakpoints that turn raw recency (whole days since the last purchase), frequency (purchases) and monetary value
/// (total revenue) into 1-5 scores. Each list holds four ascending cut points; defaults suit a mid-sized online shop
/// and are meant to be replaced by population quantiles computed for the workspace.
/// </summary>
public sealed record RfmSettings
{
    /// <summary>Recency days: at most the 1st value scores 5, at most the 2nd 4, ..., above the 4th 1.</summary>
    public IReadOnlyList<double> RecencyDays { get; init; } = [14, 30, 90, 180];

    /// <summary>Purchases: at least the 4th value scores 5, at least the 3rd 4, ..., below the 1st 1.</summary>
    public IReadOnlyList<double> Frequency { get; init; } = [2, 3, 5, 10];

    /// <summary>Revenue: at least the 4th value scores 5, ..., below the 1st 1.</summary>
    public IReadOnlyList<double> Monetary { get; init; } = [200, 500, 1000, 2000];

    /// <summary>1-5, higher is more recent.</summary>
    public int RecencyScore(long days)
    {
        for (var i = 0; i < RecencyDays.Count; i++)
        {
            if (days <= RecencyDays[i])
            {
                return 5 - i;
            }
        }

        return 1;
    }

    public static int AscendingScore(double value, IReadOnlyList<double> cuts)
    {
        ArgumentNullException.ThrowIfNull(cuts);
        var score = 1;
        foreach (var cut in cuts)
        {
            if (value >= cut)
            {
                score++;
            }
        }

        return score;
    }
}
