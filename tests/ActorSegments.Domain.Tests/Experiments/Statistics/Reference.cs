using System.Text.Json;
using ActorSegments.Domain.Experiments.Statistics;

namespace ActorSegments.Domain.Tests.Experiments.Statistics;

/// <summary>
/// The figures reference/make_reference.py computed with scipy and statsmodels on its own seeded data (see the script
/// for how each one was obtained), read from the committed reference/reference.json.
/// </summary>
internal sealed record Reference(ReferenceVersions Versions, double Level, IReadOnlyList<ReferenceDataset> Datasets,
    IReadOnlyList<ReferenceSequence> Sequential, IReadOnlyList<ReferenceSampleSize> SampleSize, IReadOnlyList<ReferenceHolm> Holm)
{
    public static readonly string FileName = Path.Combine("Experiments", "Statistics", "reference", "reference.json");

    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static Reference Committed { get; } = Read(Path.Combine(AppContext.BaseDirectory, FileName));

    public static Reference Read(string path) =>
        JsonSerializer.Deserialize<Reference>(File.ReadAllText(path), Options) ?? throw new InvalidDataException(path + " is empty.");

    /// <summary>0 … count − 1, for theories over the entries of one section of the file.</summary>
    public static TheoryData<int> Indexes(int count) => new(Enumerable.Range(0, count));

    /// <summary>Every data set with the arms' totals built from running sums (true) and from Welford moments (false).</summary>
    public static TheoryData<int, bool> DatasetsBothWays()
    {
        var data = new TheoryData<int, bool>();
        for (var i = 0; i < Committed.Datasets.Count; i++)
        {
            data.Add(i, true);
            data.Add(i, false);
        }

        return data;
    }
}

internal sealed record ReferenceVersions(string Numpy, string Scipy, string Statsmodels);

internal sealed record ReferenceDataset(string Name, string Control, IReadOnlyList<ReferenceArm> Arms,
    IReadOnlyList<ReferenceComparison> Comparisons, ReferenceSampleRatio SampleRatio)
{
    /// <summary>Each expected comparison with the control's and the arm's totals, and a label for failure messages.</summary>
    public IEnumerable<(ReferenceComparison Expected, ArmTotals Control, ArmTotals Treatment, string What)> Pairs(bool fromSums) =>
        Comparisons.Select(c => (c, Arms[0].Totals(fromSums), Arms.Single(a => a.Name == c.Arm).Totals(fromSums), $"{Name} / {c.Arm}"));
}

internal sealed record ReferenceArm(string Name, double Weight, long Customers, long Conversions, double RevenueSum,
    double RevenueSumOfSquares, double RevenueMean, double RevenueSquaredDeviations, ReferenceArmFigures? Expected)
{
    /// <summary>The arm as running sums deliver it.</summary>
    public ArmTotals FromSums() => ArmTotals.FromSums(Customers, Conversions, RevenueSum, RevenueSumOfSquares);

    /// <summary>The arm as Welford moments deliver it.</summary>
    public ArmTotals FromMoments() => new(Customers, Conversions, RevenueMean, RevenueSquaredDeviations);

    public ArmTotals Totals(bool fromSums) => fromSums ? FromSums() : FromMoments();
}

internal sealed record ReferenceArmFigures(double Rate, double RateLower, double RateUpper, double RevenueMean, double RevenueLower, double RevenueUpper);

internal sealed record ReferenceComparison(string Arm, double Lift, double LiftLower, double LiftUpper, double LiftP, double LiftPHolm,
    double RelativeLift, double RelativeLower, double RelativeUpper,
    double RevenueDifference, double RevenueLower, double RevenueUpper, double RevenueP, double RevenuePHolm);

internal sealed record ReferenceSampleRatio(double ChiSquare, double P);

internal sealed record ReferenceSequence(string Name, IReadOnlyList<ReferenceLook> Looks);

internal sealed record ReferenceLook(ReferenceArm Control, ReferenceArm Treatment, ReferenceSequential Conversion, ReferenceSequential Revenue);

internal sealed record ReferenceSequential(double Estimate, double P, double Lower, double Upper);

internal sealed record ReferenceSampleSize(double Baseline, double Mde, double Power, double Alpha, double Exact, double Statsmodels, long CustomersPerArm);

internal sealed record ReferenceHolm(IReadOnlyList<double> P, IReadOnlyList<double> Adjusted);
