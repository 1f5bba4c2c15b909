using System.Diagnostics;
using System.Globalization;
using ActorSegments.Domain.Modeling.Uplift;

namespace ActorSegments.UpliftCheck;

/// <summary>
/// What scoring a customer costs: its uplift (two outcome-model predictions) against one prediction, on one thread,
/// over every customer's feature row, the fastest of ten passes after a warm-up pass.
/// </summary>
internal static class ScoringCost
{
    private const int Passes = 10;

    public static void Write(TextWriter output, IReadOnlyList<float[]> rows, UpliftModel model)
    {
        // One prediction measured before and after the pair, so code still warming up shows as a difference between the two.
        var before = Fastest(rows, row => model.Treated.Score(row));
        var uplift = Fastest(rows, row => model.Score(row));
        var one = Math.Min(before, Fastest(rows, row => model.Treated.Score(row)));
        output.WriteLine($"Scoring cost on one thread, {rows.Count} customers, fastest of {Passes} passes: " +
            $"uplift (two predictions) {uplift.ToString("0.00", CultureInfo.InvariantCulture)} us per customer, one prediction {one.ToString("0.00", CultureInfo.InvariantCulture)} us.");
    }

    /// <summary>Microseconds per row of the fastest pass.</summary>
    private static double Fastest(IReadOnlyList<float[]> rows, Func<float[], double> score)
    {
        var sink = 0.0;
        foreach (var row in rows)
        {
            sink += score(row);
        }

        var best = double.MaxValue;
        for (var pass = 0; pass < Passes; pass++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var row in rows)
            {
                sink += score(row);
            }

            best = Math.Min(best, clock.Elapsed.TotalMicroseconds / rows.Count);
        }

        GC.KeepAlive(sink);
        return best;
    }
}
