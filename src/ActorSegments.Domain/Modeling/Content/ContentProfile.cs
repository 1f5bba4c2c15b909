namespace ActorSegments.Domain.Modeling.Content;

/// <summary>
/// What a customer likes, as a vector in the items' space: the sum over their interactions of the item's vector times
/// the kind's weight times 0.5^(age / half-life), the age measured from the customer's latest interaction. (Measuring
/// from any later moment scales every term alike and changes no cosine, so no clock is needed.) Items not in the
/// catalog contribute nothing.
/// </summary>
public static class ContentProfile
{
    public static Dictionary<int, double> Of(IReadOnlyList<ItemInteraction> history, Func<string, SparseVector?> vectorOf, ContentOptions options)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(vectorOf);
        ArgumentNullException.ThrowIfNull(options);
        var profile = new Dictionary<int, double>();
        if (history.Count == 0)
        {
            return profile;
        }

        var latest = history.Max(i => i.At);
        var halfLife = options.HalfLife.TotalSeconds;
        foreach (var interaction in history)
        {
            if (vectorOf(interaction.ItemId) is not { } vector)
            {
                continue;
            }

            var weight = options.WeightOf(interaction.Kind) * Math.Pow(0.5, (latest - interaction.At) / halfLife);
            for (var f = 0; f < vector.Indexes.Length; f++)
            {
                profile[vector.Indexes[f]] = profile.GetValueOrDefault(vector.Indexes[f]) + (weight * vector.Values[f]);
            }
        }

        return profile;
    }
}
