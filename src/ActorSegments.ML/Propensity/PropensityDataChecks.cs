using ActorSegments.Domain.Modeling;

namespace ActorSegments.ML.Propensity;

/// <summary>What a propensity training refuses before fitting anything: malformed sets and too little data to learn or to judge from.</summary>
internal static class PropensityDataChecks
{
    /// <summary>The feature width both sets share.</summary>
    /// <exception cref="ArgumentException">Labels do not match rows, or rows differ in width.</exception>
    public static int Width(PropensityDataset train, PropensityDataset holdout)
    {
        var width = train.Rows.Count > 0 ? train.Rows[0].Length : 0;
        foreach (var (set, name) in new[] { (train, "training"), (holdout, "holdout") })
        {
            if (set.Rows.Count != set.Labels.Count)
            {
                throw new ArgumentException($"The {name} set has {set.Rows.Count} rows but {set.Labels.Count} labels.");
            }

            if (set.Rows.FirstOrDefault(r => r.Length != width) is { } odd)
            {
                throw new ArgumentException($"The {name} set has a row of {odd.Length} features; the training rows have {width}.");
            }
        }

        return width;
    }

    /// <exception cref="InsufficientDataException">Too few rows, positives or negatives in <paramref name="set"/>.</exception>
    public static void EnsureEnough(PropensityDataset set, string name, PropensityOptions options)
    {
        var positives = set.Positives;
        var negatives = set.Rows.Count - positives;
        var problems = new List<string>();
        if (set.Rows.Count < options.MinimumRows)
        {
            problems.Add($"{set.Rows.Count} rows (at least {options.MinimumRows} needed)");
        }

        if (positives < options.MinimumPerClass)
        {
            problems.Add($"{positives} positives (at least {options.MinimumPerClass} needed)");
        }

        if (negatives < options.MinimumPerClass)
        {
            problems.Add($"{negatives} negatives (at least {options.MinimumPerClass} needed)");
        }

        if (problems.Count > 0)
        {
            throw new InsufficientDataException($"Not enough data in the {name} set for a propensity model: {string.Join(", ", problems)}.");
        }
    }
}
