using ActorSegments.Domain.Schema;

namespace ActorSegments.Domain.Rules.Evaluation;

/// <summary>
/// <c>affinity.top_category</c> / <c>affinity.top_product</c> (the strongest interest; null when none) and
/// <c>affinity.categories</c> / <c>affinity.products</c> (the kept interests, strongest first).
/// </summary>
internal sealed class AffinityNode(string text, bool products, bool list) : ValueNode(text, list ? DataType.StringList : DataType.String)
{
    public override RuleValue Evaluate(in EvaluationContext context)
    {
        var table = products ? context.State.Products : context.State.Categories;
        var ranked = table.Top(context.Model.Settings.AffinityTopK);
        return list ? RuleValue.Of(ranked) : ranked.Count == 0 ? RuleValue.Null : RuleValue.Of(ranked[0]);
    }
}
