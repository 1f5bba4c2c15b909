using ActorSegments.Domain.Behavior;

namespace ActorSegments.Domain.Features;

/// <summary>
/// Inter-purchase intervals of a purchase timeline (oldest first): mean and last gap, the last against the mean, the
/// gaps' least-squares trend, and how overdue the next purchase is (days since the last over the mean gap). Purchases
/// at the same second are one order for this purpose (an order's several events), so they make no zero gap.
/// </summary>
internal static class PurchaseRhythm
{
    private const double Day = 86_400;

    /// <summary>Writes the five values (in <see cref="JournalFeatures.Definitions"/> order).</summary>
    public static void Write(ReadOnlySpan<PurchaseRecord> timeline, float recencyDays, Span<float> destination)
    {
        Span<double> gaps = stackalloc double[Math.Max(timeline.Length, 1)];
        var count = 0;
        for (var i = 1; i < timeline.Length; i++)
        {
            if (timeline[i].Time > timeline[i - 1].Time)
            {
                gaps[count++] = (timeline[i].Time - timeline[i - 1].Time) / Day;
            }
        }

        gaps = gaps[..count];
        if (count == 0)
        {
            destination[0] = CustomerFeatures.NeverDays;
            destination[1] = CustomerFeatures.NeverDays;
            destination[2] = 1;
            destination[3] = 0;
            destination[4] = 0;
            return;
        }

        var mean = 0.0;
        foreach (var gap in gaps)
        {
            mean += gap;
        }

        mean /= count;
        destination[0] = (float)mean;
        destination[1] = (float)gaps[^1];
        destination[2] = mean <= 0 ? 1 : (float)(gaps[^1] / mean);
        destination[3] = count < 3 ? 0 : (float)Slope(gaps, mean);
        destination[4] = Overdue(recencyDays, (float)mean);
    }

    /// <summary>Days since the last purchase over the mean gap; 0 without a gap.</summary>
    public static float Overdue(float recencyDays, float meanGap) =>
        meanGap <= 0 || meanGap >= CustomerFeatures.NeverDays ? 0 : recencyDays / Math.Max(meanGap, 1f / 24);

    /// <summary>The least-squares slope of the gaps against their index 0, 1, ...</summary>
    private static double Slope(ReadOnlySpan<double> gaps, double mean)
    {
        var center = (gaps.Length - 1) / 2.0;
        double covariance = 0, variance = 0;
        for (var i = 0; i < gaps.Length; i++)
        {
            covariance += (i - center) * (gaps[i] - mean);
            variance += (i - center) * (i - center);
        }

        return variance == 0 ? 0 : covariance / variance;
    }
}
