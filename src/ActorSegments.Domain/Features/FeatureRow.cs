namespace ActorSegments.Domain.Features;

/// <summary>
/// One customer's feature values (in <see cref="CustomerFeatures.Definitions"/> order) as of <see cref="AsOf"/>
/// (Unix seconds), as the feature table holds them.
/// </summary>
public sealed record FeatureRow(string CustomerId, long AsOf, float[] Values)
{
    /// <summary>
    /// The row as of <paramref name="now"/>: "days since" features grow by the days elapsed; windowed counts stay as of
    /// <see cref="AsOf"/> (a customer's row is rewritten whenever it changes, so only idle customers' windows lag).
    /// </summary>
    public FeatureRow AgedTo(long now)
    {
        if (now <= AsOf)
        {
            return this;
        }

        var values = (float[])Values.Clone();
        var days = (float)((now - AsOf) / 86_400.0);
        foreach (var index in CustomerFeatures.DaysSinceIndexes)
        {
            if (index < values.Length)
            {
                values[index] = Math.Min(values[index] + days, CustomerFeatures.NeverDays);
            }
        }

        CustomerFeatures.RefreshAged(values);

        return this with { AsOf = now, Values = values };
    }
}
