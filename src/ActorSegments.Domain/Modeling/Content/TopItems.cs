namespace ActorSegments.Domain.Modeling.Content;

/// <summary>
/// The best <c>count</c> items offered, by score then ordinal id, kept in a heap of that size: a full sort of a
/// 100,000-item catalog per customer would cost more than the scoring.
/// </summary>
internal sealed class TopItems(int count)
{
    // The heap's root is the worst kept item: lowest score, and on equal scores the greatest id.
    private static readonly Comparer<ScoredItem> WorstFirst = Comparer<ScoredItem>.Create((a, b) =>
    {
        var byScore = a.Score.CompareTo(b.Score);
        return byScore != 0 ? byScore : string.CompareOrdinal(b.ItemId, a.ItemId);
    });

    private readonly PriorityQueue<ScoredItem, ScoredItem> _heap = new(WorstFirst);

    public void Offer(string itemId, double score)
    {
        // Most candidates of a large catalog lose to the worst kept one: refused before anything is allocated.
        if (_heap.Count == count && (count == 0 || score < _heap.Peek().Score))
        {
            return;
        }

        var item = new ScoredItem(itemId, score);
        if (_heap.Count < count)
        {
            _heap.Enqueue(item, item);
        }
        else if (WorstFirst.Compare(item, _heap.Peek()) > 0)
        {
            _heap.EnqueueDequeue(item, item);
        }
    }

    public IReadOnlyList<ScoredItem> Ranked()
    {
        var ranked = _heap.UnorderedItems.Select(e => e.Element).ToList();
        ranked.Sort((a, b) => WorstFirst.Compare(b, a));
        return ranked;
    }
}
