using System.Globalization;
using ActorSegments.BenchSupport;
using ActorSegments.Domain.Features;
using ActorSegments.Domain.Modeling;
using ActorSegments.Grains.Modeling;
using ActorSegments.ML.Cohorts;
using ActorSegments.ML.Labeling;

namespace ActorSegments.MlCheck;

/// <summary>
/// Cohorts as a refresh makes them: the default cohort features of every customer, k chosen and fitted by
/// <see cref="KMeansCohortClusterer"/> with the service's default settings, every customer assigned to its nearest
/// centroid, named by <see cref="DeterministicCohortLabeler"/>. Exports the scaled rows and the assignments.
/// </summary>
internal static class CohortCheck
{
    /// <summary>The default cohort features of every row, clustered, assigned and named as a refresh does.</summary>
    public static async Task<CohortFit> FitAsync(IReadOnlyList<float[]> referenceRows)
    {
        var names = CustomerFeatures.DefaultCohortFeatures;
        var columns = names.Select(CustomerFeatures.IndexOf).ToArray();
        var definitions = columns.Select(c => CustomerFeatures.Definitions[c]).ToArray();
        var rows = referenceRows.Select(r => columns.Select(c => r[c]).ToArray()).ToList();
        var clustering = new KMeansCohortClusterer().Fit(rows, definitions, Options);
        var assignments = rows.Select(r => clustering.Assign(r)).ToArray();
        var profiles = CohortProfiles.Build(rows, assignments, clustering.K, definitions, clustering.Scaler);
        return new CohortFit(rows, clustering, assignments, profiles, await new DeterministicCohortLabeler().LabelAsync(profiles));
    }

    /// <summary>What a refresh passes (ModelingOptions defaults: k from 3 to 8, 4 seeds); the rest are ClusteringOptions defaults.</summary>
    private static ClusteringOptions Options
    {
        get
        {
            var service = new ModelingOptions();
            return new ClusteringOptions { MinK = service.MinK, MaxK = service.MaxK, Seeds = service.Seeds, TrainingSample = service.TrainingSample };
        }
    }

    public static async Task<CohortFit> RunAsync(TextWriter output, IReadOnlyList<string> customers, IReadOnlyList<float[]> referenceRows, string outputDirectory, OurFigures figures)
    {
        var names = CustomerFeatures.DefaultCohortFeatures;
        var options = Options;
        var fit = await FitAsync(referenceRows);
        var (rows, clustering, assignments, profiles, labels) = (fit.Rows, fit.Clustering, fit.Assignments, fit.Profiles, fit.Labels);
        var scaled = rows.Select(r => clustering.Scaler.Transform(r)).ToArray();
        var silhouette = Silhouette.Score(scaled, assignments);

        var varying = Enumerable.Range(0, names.Count).Where(j => clustering.Scaler.StandardDeviations[j] > 0).ToArray();
        output.WriteLine("## Cohorts");
        output.WriteLine();
        output.WriteLine($"Features (the default cohort set): {string.Join(", ", names)}.");
        output.WriteLine($"Constant here, hence 0 after scaling: {string.Join(", ", names.Where((_, j) => !varying.Contains(j)))}.");
        output.WriteLine($"Rows: {rows.Count:N0}; k from {options.MinK} to {options.MaxK}, {options.SelectionSeeds} seeds each on up to {options.SelectionSample:N0} rows, silhouettes on the first {Math.Min(options.SilhouetteSample, rows.Count):N0} rows of the sample; final fit {options.Seeds} seeds.");
        output.WriteLine();
        MarkdownTable.Write(
            output,
            ["k", "inertia per row", "silhouette (sample)", ""],
            clustering.Candidates.Select(c => new[] { $"{c.K}", F(c.Inertia, 4), F(c.Silhouette, 4), c.K == clustering.K ? "chosen" : "" }));

        WriteCohorts(output, rows, assignments, profiles, labels, varying);
        output.WriteLine($"k = {clustering.K}; inertia per row {F(clustering.Inertia, 4)}.");
        output.WriteLine($"Silhouette, the run's (first {Math.Min(options.SilhouetteSample, rows.Count):N0} rows of its sample): {F(clustering.Silhouette, 4)}");
        output.WriteLine($"Silhouette, all {rows.Count:N0} rows (exact, Euclidean, as sklearn.metrics.silhouette_score): {F(silhouette, 4)}");
        output.WriteLine();

        figures.Add("k", clustering.K);
        figures.Add("silhouette_full", silhouette);
        figures.Add("silhouette_run_sample", clustering.Silhouette);
        figures.Add("inertia_per_row", clustering.Inertia);
        CsvExport.Write(
            Path.Combine(outputDirectory, "cohorts.csv"),
            ["customer_id", .. names, "cohort"],
            scaled.Select((row, i) => row.Select(v => CsvExport.Number(v)).Prepend(customers[i]).Append($"{assignments[i]}")));
        return fit;
    }

    /// <summary>The cohorts, largest first: names and descriptions, then the figures the names rest on.</summary>
    private static void WriteCohorts(TextWriter output, List<float[]> rows, int[] assignments, IReadOnlyList<CohortProfile> profiles, IReadOnlyList<CohortLabel> labels, int[] varying)
    {
        var order = Enumerable.Range(0, profiles.Count).OrderByDescending(c => profiles[c].Size).ToArray();
        MarkdownTable.Write(
            output,
            ["cohort", "name", "customers", "share", "description"],
            order.Select(c => new[] { CohortIds.Format(c + 1), labels[c].Name, $"{profiles[c].Size:N0}", profiles[c].Share.ToString("0.0%", CultureInfo.InvariantCulture), labels[c].Description }));
        output.WriteLine("Per varying feature: mean / median (the cohort's mean of the transformed feature against everyone's, in standard deviations):");
        output.WriteLine();
        MarkdownTable.Write(
            output,
            ["cohort", .. varying.Select(j => profiles[0].Features[j].Name)],
            order.Select(c => (IReadOnlyList<string>)[CohortIds.Format(c + 1), .. varying.Select(j => Cell(profiles[c].Features[j], Median(rows.Where((_, i) => assignments[i] == c), j)))])
                .Append(["everyone", .. varying.Select(j => $"{F(profiles[0].Features[j].PopulationMean, 1)} / {F(Median(rows, j), 1)}")]));
    }

    private static string Cell(FeatureContrast feature, double median) =>
        $"{F(feature.Mean, 1)} / {F(median, 1)} ({Math.Round(feature.ZScore, 2) + 0.0:+0.00;-0.00;0.00})";

    /// <summary>The column's <see cref="Percentiles.Median"/>; 0 for no rows.</summary>
    private static double Median(IEnumerable<float[]> rows, int column)
    {
        var values = rows.Select(r => (double)r[column]).ToArray();
        return values.Length == 0 ? 0 : Percentiles.Median(values);
    }

    private static string F(double value, int decimals) => value.ToString(Math.Abs(value) >= 1000 ? "#,0" : "0." + new string('0', decimals), CultureInfo.InvariantCulture);
}
