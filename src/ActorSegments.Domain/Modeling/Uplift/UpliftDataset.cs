namespace ActorSegments.Domain.Modeling.Uplift;

/// <summary>
/// An experiment's customers as an uplift model learns from them: the feature row as of the customer's assignment (in
/// <see cref="Features.CustomerFeatures"/> order), whether it was in a messaged arm, and whether it reached the goal.
/// </summary>
public sealed record UpliftDataset(IReadOnlyList<float[]> Rows, IReadOnlyList<bool> Treated, IReadOnlyList<bool> Converted)
{
    /// <summary>The rows of one arm as a propensity dataset: its outcome model's training data.</summary>
    public PropensityDataset Arm(bool treated)
    {
        var rows = new List<float[]>();
        var labels = new List<bool>();
        for (var i = 0; i < Rows.Count; i++)
        {
            if (Treated[i] == treated)
            {
                rows.Add(Rows[i]);
                labels.Add(Converted[i]);
            }
        }

        return new PropensityDataset(rows, labels);
    }

    /// <summary>Every row, arm ignored: what a plain propensity model of the goal learns from.</summary>
    public PropensityDataset IgnoringArm() => new(Rows, Converted);
}
