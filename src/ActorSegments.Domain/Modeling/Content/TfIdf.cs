namespace ActorSegments.Domain.Modeling.Content;

/// <summary>
/// TF-IDF as scikit-learn's TfidfVectorizer computes it by default: term frequency is the raw count in the document,
/// idf = ln((1 + n) / (1 + df)) + 1 over the n documents it was fitted on (df: documents holding the term), each
/// document's vector scaled to unit length. Terms are indexed in ordinal order; terms unseen in fitting are ignored.
/// </summary>
public sealed class TfIdf
{
    private readonly Dictionary<string, int> _index;

    private TfIdf(Dictionary<string, int> index, double[] idf)
    {
        _index = index;
        Idf = idf;
    }

    /// <summary>The idf of each term, by index.</summary>
    public IReadOnlyList<double> Idf { get; }

    public int Terms => Idf.Count;

    public int? IndexOf(string term) => _index.TryGetValue(term, out var i) ? i : null;

    public static TfIdf Fit(IReadOnlyList<IReadOnlyList<string>> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            foreach (var term in document.Distinct(StringComparer.Ordinal))
            {
                df[term] = df.GetValueOrDefault(term) + 1;
            }
        }

        var terms = df.Keys.Order(StringComparer.Ordinal).ToList();
        var n = documents.Count;
        var idf = terms.Select(t => Math.Log((1.0 + n) / (1.0 + df[t])) + 1).ToArray();
        return new TfIdf(terms.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal), idf);
    }

    /// <summary>The document's unit-length TF-IDF vector (zero when none of its terms was seen in fitting).</summary>
    public SparseVector Transform(IReadOnlyList<string> document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var counts = new Dictionary<int, int>();
        foreach (var term in document)
        {
            if (_index.TryGetValue(term, out var i))
            {
                counts[i] = counts.GetValueOrDefault(i) + 1;
            }
        }

        var indexes = counts.Keys.ToArray();
        Array.Sort(indexes);
        var values = new double[indexes.Length];
        for (var j = 0; j < indexes.Length; j++)
        {
            values[j] = counts[indexes[j]] * Idf[indexes[j]];
        }

        return new SparseVector(indexes, values).Normalized();
    }
}
