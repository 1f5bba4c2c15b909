namespace ActorSegments.Domain.Modeling.Recommendations;

/// <summary>
/// Precision@k and recall@k averaged over customers, the one definition every recommendation figure uses: hits among
/// the first k recommended over k, and over the customer's relevant items.
/// </summary>
internal sealed class PrecisionRecallTally
{
    private int _customers;
    private double _precision;
    private double _recall;

    public RecommendationQuality Quality => _customers == 0 ? new(0, 0, 0) : new(_customers, _precision / _customers, _recall / _customers);

    public void Add(IReadOnlyList<string> recommended, IReadOnlySet<string> relevant, int k)
    {
        var hits = recommended.Take(k).Count(relevant.Contains);
        _customers++;
        _precision += (double)hits / k;
        _recall += (double)hits / relevant.Count;
    }
}
