namespace ActorSegments.MlCheck;

/// <summary>
/// The figures the scikit-learn peer compares with, by name (e.g. <c>silhouette_full</c>, <c>auc_purchase_30d</c>),
/// written as <c>ours.csv</c> next to the exported rows.
/// </summary>
internal sealed class OurFigures
{
    private readonly List<(string Name, string Value)> _figures = [];

    public IReadOnlyList<(string Name, string Value)> All => _figures;

    public void Add(string name, double value) => _figures.Add((name, CsvExport.Number(value)));

    public void Add(string name, string value) => _figures.Add((name, value));

    public void Write(string path) => CsvExport.Write(path, ["name", "value"], _figures.Select(f => new[] { f.Name, f.Value }));
}
