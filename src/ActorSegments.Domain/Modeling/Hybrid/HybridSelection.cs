using System.IO.Hashing;
using System.Text;
using ActorSegments.Domain.Modeling.Content;
using ActorSegments.Domain.Modeling.Recommendations;

namespace ActorSegments.Domain.Modeling.Hybrid;

/// <summary>
/// Chooses a hybrid's blend the way <see cref="RecommendationSelection"/> chooses the collaborative settings, and on the
/// same validation split inside the training data: only interactions before the cutoff are read; the collaborative
/// model is trained on what precedes the validation split with its chosen settings, the content model on the catalog
/// as known at the cutoff, and each blend of <see cref="Blends"/> is scored by precision@10 on the validation
/// customers (at most <see cref="MaximumBlendCustomers"/> of them), separately for customers with more than one order
/// and for those with at most one. On equal precision the blend listed first wins, collaborative filtering alone being
/// first: content has to earn its share.
/// </summary>
public static class HybridSelection
{
    /// <summary>Content weights from collaborative only to content only, each with unsold items left to content alone or lifted.</summary>
    public static IReadOnlyList<Blend> Blends { get; } =
        [.. from unsold in new[] { 0, 0.5, 1 } from weight in new[] { 0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1 } select new Blend(weight, unsold)];

    /// <summary>
    /// The most validation customers the blends are scored on. Scoring a customer's content candidates walks the
    /// catalog's posting lists (milliseconds a customer at 100,000 items), so beyond this a sample is scored: the
    /// customers whose id hashes lowest (XxHash64), the same sample on every run. 2,000 customers put a blend's
    /// precision@10 within about ±0.006 (one standard error about 0.003).
    /// </summary>
    public const int MaximumBlendCustomers = 2_000;

    private const int K = RecommendationSelection.K;

    private const double Tie = 1e-12;

    /// <summary>
    /// Chooses on the interactions before <paramref name="cutoff"/>; <paramref name="contentAt"/> gives the content
    /// model over the catalog as it was known at a time, and is asked only for the cutoff.
    /// </summary>
    public static HybridChoice Select(
        IReadOnlyList<ItemInteraction> interactions,
        long cutoff,
        IRecommendationTrainer trainer,
        Func<long, ContentModel> contentAt,
        IReadOnlyList<RecommendationOptions>? collaborativeCandidates = null)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentNullException.ThrowIfNull(contentAt);
        var training = interactions.Where(i => i.At < cutoff).ToList();
        var collaborative = RecommendationSelection.Select(training, cutoff, trainer, collaborativeCandidates);
        if (collaborative.ValidationSplit is not { } split)
        {
            return new HybridChoice(collaborative, HybridOptions.Collaborative, null, []);
        }

        var fitting = training.Where(i => i.At < split).ToList();
        var model = new HybridModel(trainer.Train(fitting, collaborative.Chosen), contentAt(cutoff), HybridOptions.Collaborative, Sold(fitting));
        var tallies = Blends.Select(_ => (Repeat: new PrecisionRecallTally(), Thin: new PrecisionRecallTally())).ToArray();
        foreach (var target in Sample(RecommendationTargets.Of(training, split)))
        {
            var candidates = model.Candidates(target.History, target.Bought);
            var thin = OrderHistory.IsThin(target.History);
            for (var b = 0; b < Blends.Count; b++)
            {
                var ranked = candidates.Rank(Blends[b], K);
                var recommended = model.Complete(target.History, target.Bought, K, ranked, explain: false).Select(r => r.ItemId).ToList();
                (thin ? tallies[b].Thin : tallies[b].Repeat).Add(recommended, target.Relevant, K);
            }
        }

        var results = Blends.Select((blend, i) => new BlendCandidate(blend, tallies[i].Repeat.Quality, tallies[i].Thin.Quality)).ToList();
        var chosen = HybridOptions.Collaborative with
        {
            Repeat = Best(results, r => r.Repeat.PrecisionAtK),
            Thin = Best(results, r => r.Thin.PrecisionAtK),
        };
        return new HybridChoice(collaborative, chosen, split, results);
    }

    /// <summary>Chooses as <see cref="Select"/> does, then trains on every interaction before the cutoff with the choice.</summary>
    public static (HybridModel Model, HybridChoice Choice) Train(
        IReadOnlyList<ItemInteraction> interactions,
        long cutoff,
        IRecommendationTrainer trainer,
        Func<long, ContentModel> contentAt,
        IReadOnlyList<RecommendationOptions>? collaborativeCandidates = null)
    {
        var choice = Select(interactions, cutoff, trainer, contentAt, collaborativeCandidates);
        var training = interactions.Where(i => i.At < cutoff).ToList();
        return (new HybridModel(trainer.Train(training, choice.Collaborative.Chosen), contentAt(cutoff), choice.Chosen, Sold(training)), choice);
    }

    /// <summary>All targets up to <see cref="MaximumBlendCustomers"/>, else that many by the lowest hash of their customer id.</summary>
    internal static IReadOnlyList<RecommendationTarget> Sample(IReadOnlyList<RecommendationTarget> targets) =>
        targets.Count <= MaximumBlendCustomers
            ? targets
            : [.. targets.OrderBy(t => XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(t.History[0].CustomerId))).ThenBy(t => t.History[0].CustomerId, StringComparer.Ordinal).Take(MaximumBlendCustomers)];

    /// <summary>Items somebody bought in these interactions.</summary>
    public static IReadOnlySet<string> Sold(IEnumerable<ItemInteraction> interactions) =>
        interactions.Where(i => i.Kind == InteractionKind.Purchase).Select(i => i.ItemId).ToHashSet(StringComparer.Ordinal);

    private static Blend Best(IReadOnlyList<BlendCandidate> results, Func<BlendCandidate, double> precision)
    {
        var best = results.Max(precision);
        return results.First(r => precision(r) >= best - Tie).Blend;
    }
}
