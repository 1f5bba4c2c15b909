using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Features;
using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Modeling.Uplift;
using ActorSegments.Domain.Rules.Ast;
using ActorSegments.Domain.Rules.Evaluation;
using ActorSegments.Domain.Rules.Syntax;
using ActorSegments.Domain.Schema;
using ActorSegments.Domain.Validation;

namespace ActorSegments.Domain.Rules.Compilation;

/// <summary>Resolves operands against the schema and behavior model and records what they read.</summary>
internal sealed class OperandBinder(BehaviorModel model)
{
    private readonly List<RuleDiagnostic> _diagnostics = [];

    public IReadOnlyList<RuleDiagnostic> Diagnostics => _diagnostics;

    public RuleInputs Inputs { get; } = new();

    public ValueNode? Bind(Operand operand)
    {
        var text = RuleFormatter.Format(operand);
        return operand switch
        {
            AggregateOperand aggregate => BindAggregate(text, aggregate),
            EventTimeOperand time => Select(time.Events, forMinMaxOrTime: true) is { } selection ? new EventTimeNode(text, time.First, selection) : null,
            ScoreOperand score => BindScore(text, score),
            PercentileOperand percentile => BindPercentile(text, percentile),
            ExperimentOperand experiment => BindExperiment(text, experiment),
            AttributeOperand attribute => BindAttribute(text, attribute),
            _ => Fail(operand.Span, $"unsupported operand {operand.GetType().Name}"),
        };
    }

    private ValueNode? BindAggregate(string text, AggregateOperand aggregate)
    {
        var minMax = aggregate.Kind is AggregateKind.Min or AggregateKind.Max;
        var selection = Select(aggregate.Events, minMax);
        var window = BindWindow(aggregate.Window);
        if (selection is null || window is null)
        {
            return null;
        }

        var slot = -1;
        if (aggregate.Kind != AggregateKind.Count)
        {
            var type = model.EventType(aggregate.Events.EventType);
            var declared = model.Schema.EventType(aggregate.Events.EventType)?.Property(aggregate.Property!);
            slot = type.SlotOf(aggregate.Property!);
            if (slot < 0 || (declared is not null && declared.Type != DataType.Number))
            {
                var numbers = type.NumericSlots;
                return Fail(aggregate.Span, $"{aggregate.Events.EventType}.{aggregate.Property} is not a numeric property{Suggestions.DidYouMean(aggregate.Property!, numbers)}; numeric properties of {aggregate.Events.EventType}: {List(numbers)}");
            }

            if (window.Value.IsWindowed && slot >= type.BucketSlotCount)
            {
                return Fail(aggregate.Span, $"{aggregate.Events.EventType}.{aggregate.Property} is only totalled over all time; declare it tracked in the schema to use it with a window, or drop the window");
            }
        }

        return new AggregateNode(text, aggregate.Kind, selection, slot, window.Value);
    }

    private WindowSpec? BindWindow(Window? window)
    {
        switch (window)
        {
            case null:
                return WindowSpec.AllTime;
            case RelativeWindow relative when relative.Seconds > model.Tiers.Horizon:
                Fail(relative.Span, $"the window {Literal.DurationText(relative.Seconds)} is longer than the history kept ({Literal.DurationText(model.Tiers.Horizon)}); use a shorter window or no window for all-time totals");
                return null;
            case RelativeWindow relative:
                Inputs.AddTime();
                return WindowSpec.Last(relative.Seconds);
            case AbsoluteWindow absolute:
                Inputs.AddTime();
                return WindowSpec.Between(absolute.From, absolute.To);
            default:
                return null;
        }
    }

    /// <summary>Checks an event reference and its filter; min, max, first and last cannot use negated filters.</summary>
    private SeriesSelection? Select(EventSelector events, bool forMinMaxOrTime)
    {
        var definition = model.Schema.EventType(events.EventType);
        if (definition is null)
        {
            var known = model.Schema.EventTypes.Select(e => e.Name).Order(StringComparer.Ordinal).ToList();
            Fail(events.Span, $"unknown event type '{events.EventType}'{Suggestions.DidYouMean(events.EventType, known)}; declared event types: {List(known)}");
            return null;
        }

        Inputs.AddEventType(events.EventType);
        if (events.Filters.Count == 0)
        {
            return new SeriesSelection(events.EventType, null, [], negated: false);
        }

        if (events.Filters.Count > 1)
        {
            Fail(events.Filters[1].Span, "an event reference can filter on one property (values are tracked per property); combine conditions with and instead");
            return null;
        }

        var filter = events.Filters[0];
        var property = definition.Property(filter.Property);
        if (property is null || property.Type != DataType.String || !property.Tracked)
        {
            var tracked = definition.Properties.Where(p => p.Tracked && p.Type == DataType.String).Select(p => p.Name).ToList();
            var why = property is null ? "is not a property of" : "is not a tracked string property of";
            Fail(filter.Span, $"'{filter.Property}' {why} {events.EventType}{Suggestions.DidYouMean(filter.Property, tracked)}; filters need a tracked string property ({(tracked.Count == 0 ? "none declared" : List(tracked))})");
            return null;
        }

        if (filter.Values.FirstOrDefault(v => v.Type != DataType.String) is { } wrong)
        {
            Fail(wrong.Span, $"{events.EventType}.{filter.Property} is a string; filter it with strings such as \"value\", not {wrong.ToRuleText()}");
            return null;
        }

        if (filter.Negated && forMinMaxOrTime)
        {
            Fail(filter.Span, "!= and not in can be used with count, sum and avg only; min, max, first and last need = or in");
            return null;
        }

        return new SeriesSelection(events.EventType, filter.Property, [.. filter.Values.Select(v => v.Text!)], filter.Negated);
    }

    private ScoreNode? BindScore(string text, ScoreOperand score)
    {
        if (!IsDeclaredScore(score.Name, score.Span))
        {
            return null;
        }

        Inputs.AddScore(score.Name);
        return new ScoreNode(text, score.Name);
    }

    /// <summary>A percentile is kept beside the score of a propensity model (see <see cref="PercentileScores"/>).</summary>
    private ScoreNode? BindPercentile(string text, PercentileOperand percentile)
    {
        if (Outcomes.Find(percentile.Score) is null && !UpliftModelName.IsUplift(percentile.Score))
        {
            var models = Outcomes.All.Select(o => o.Name).ToList();
            Fail(percentile.Span, $"percentile() ranks customers by a propensity model or an uplift model; '{percentile.Score}' is not one{Suggestions.DidYouMean(percentile.Score, models)}; expected {List(models)} or uplift:EXPERIMENT");
            return null;
        }

        if (!IsDeclaredScore(percentile.Score, percentile.Span))
        {
            return null;
        }

        var kept = PercentileScores.NameFor(percentile.Score);
        Inputs.AddScore(kept);
        return new ScoreNode(text, kept);
    }

    private bool IsDeclaredScore(string name, SourceSpan span)
    {
        // An uplift model's score is named after its experiment (uplift:spring): known without being declared.
        var known = model.Schema.Scores;
        if (known.Count > 0 && !known.Contains(name) && !UpliftModelName.IsUplift(name))
        {
            Fail(span, $"unknown score '{name}'{Suggestions.DidYouMean(name, known)}; scores: {List(known.Order(StringComparer.Ordinal))}");
            return false;
        }

        return true;
    }

    /// <summary>
    /// Any well-formed experiment id is accepted, defined yet or not: an arm's segment may be written before its
    /// experiment starts, and reads null until the customer is assigned.
    /// </summary>
    private ValueNode? BindExperiment(string text, ExperimentOperand experiment)
    {
        if (Identifiers.CheckExperimentId(experiment.ExperimentId) is { } problem)
        {
            return Fail(experiment.Span, $"invalid experiment id {Literal.Quote(experiment.ExperimentId)}: {problem}");
        }

        Inputs.AddExperiment(experiment.ExperimentId);
        return new ExperimentNode(text, experiment.ExperimentId);
    }

    private ValueNode? BindAttribute(string text, AttributeOperand attribute)
    {
        var path = attribute.Path;
        if (path.StartsWith("trait.", StringComparison.OrdinalIgnoreCase))
        {
            var name = path["trait.".Length..];
            if (model.Schema.Trait(name) is not { } trait)
            {
                var known = model.Schema.Traits.Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
                return Fail(attribute.Span, $"unknown trait '{name}'{Suggestions.DidYouMean(name, known)}; declared traits: {List(known)}");
            }

            Inputs.AddTrait(name);
            return new TraitNode(text, name, trait.Type);
        }

        if (AttributeCatalog.Find(path) is not { } entry)
        {
            var known = AttributeCatalog.Paths.Append("trait.<name>").ToList();
            return Fail(attribute.Span, $"unknown attribute '{path}'{Suggestions.DidYouMean(path, known)}; expected one of {List(known)}");
        }

        entry.Reads(Inputs, model);
        if (entry.TimeDependent)
        {
            Inputs.AddTime();
        }

        return entry.Create(text, model);
    }

    private ValueNode? Fail(SourceSpan span, string message)
    {
        _diagnostics.Add(span.Diagnostic(message));
        return null;
    }

    private static string List(IEnumerable<string> names)
    {
        var all = names.ToList();
        return all.Count == 0 ? "none" : string.Join(", ", all.Take(12)) + (all.Count > 12 ? ", ..." : string.Empty);
    }
}
