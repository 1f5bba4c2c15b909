using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Behavior.Lifecycle;
using ActorSegments.Domain.Rules.Ast;
using ActorSegments.Domain.Rules.Evaluation;
using ActorSegments.Domain.Rules.Syntax;
using ActorSegments.Domain.Schema;

namespace ActorSegments.Domain.Rules.Compilation;

/// <summary>
/// Type-checks conditions and builds their evaluation nodes. It keeps going after a problem so that one pass reports
/// every problem; a null node means "already reported".
/// </summary>
internal sealed class RuleBinder(BehaviorModel model, ISegmentCatalog? segments)
{
    private readonly List<RuleDiagnostic> _diagnostics = [];
    private readonly OperandBinder _operands = new(model);

    public IReadOnlyList<RuleDiagnostic> Diagnostics => [.. _diagnostics, .. _operands.Diagnostics];

    public RuleInputs Inputs => _operands.Inputs;

    public BoolNode? Bind(Condition condition)
    {
        var text = RuleFormatter.Format(condition);
        switch (condition)
        {
            case AndCondition and:
                return Both(Bind(and.Left), Bind(and.Right), (l, r) => new AndNode(text, l, r));
            case OrCondition or:
                return Both(Bind(or.Left), Bind(or.Right), (l, r) => new OrNode(text, l, r));
            case NotCondition not:
                return Bind(not.Operand) is { } operand ? new NotNode(text, operand) : null;
            case CompareCondition compare:
                return BindCompare(text, compare);
            case BetweenCondition between:
                return BindBetween(text, between);
            case InCondition @in:
                return BindIn(text, @in);
            case ContainsCondition contains:
                return BindContains(text, contains);
            case ExistsCondition exists:
                return _operands.Bind(exists.Operand) is { } value ? new ExistsNode(text, value) : null;
            case AgeCondition age:
                return BindAge(text, age);
            case TruthCondition truth:
                return BindTruth(text, truth);
            case InSegmentCondition segment:
                return BindSegment(text, segment);
            case DidCondition did:
                var count = _operands.Bind(new AggregateOperand(AggregateKind.Count, did.Events, null, did.Window) { Span = did.Span });
                return count is null ? null : new CompareNode(text, count, CompareOperator.GreaterOrEqual, RuleValue.Of(1));
            default:
                Report(condition.Span, $"unsupported condition {condition.GetType().Name}");
                return null;
        }
    }

    private CompareNode? BindCompare(string text, CompareCondition compare)
    {
        var operand = _operands.Bind(compare.Operand);
        if (operand is null || !Compatible(operand, compare.Value, compare.Operand))
        {
            return null;
        }

        var ordering = compare.Operator is not (CompareOperator.Equal or CompareOperator.NotEqual);
        if (ordering && operand.Type is not (DataType.Number or DataType.Timestamp or DataType.Duration))
        {
            Report(compare.Value.Span, $"{operand.Text} is a {Name(operand.Type)}; only =, != and in [...] apply to it, not {compare.Operator.Symbol()}");
            return null;
        }

        return new CompareNode(text, operand, compare.Operator, Value(compare.Value));
    }

    private BetweenNode? BindBetween(string text, BetweenCondition between)
    {
        var operand = _operands.Bind(between.Operand);
        if (operand is null || !Compatible(operand, between.Low, between.Operand) || !Compatible(operand, between.High, between.Operand))
        {
            return null;
        }

        if (operand.Type is not (DataType.Number or DataType.Timestamp or DataType.Duration))
        {
            Report(between.Span, $"between applies to numbers, timestamps and durations; {operand.Text} is a {Name(operand.Type)}");
            return null;
        }

        var (low, high) = (Value(between.Low), Value(between.High));
        if (Comparisons.Ordinal(low) > Comparisons.Ordinal(high))
        {
            Report(between.High.Span, $"the range is empty: {between.Low.ToRuleText()} is above {between.High.ToRuleText()}; write the lower end first");
            return null;
        }

        return new BetweenNode(text, operand, low, high);
    }

    private InNode? BindIn(string text, InCondition @in)
    {
        var operand = _operands.Bind(@in.Operand);
        if (operand is null)
        {
            return null;
        }

        if (operand.Type is not (DataType.String or DataType.Number))
        {
            Report(@in.Span, $"in [...] applies to strings and numbers; {operand.Text} is a {Name(operand.Type)}");
            return null;
        }

        var ok = true;
        foreach (var value in @in.Values)
        {
            ok &= Compatible(operand, value, @in.Operand);
        }

        return ok ? new InNode(text, operand, [.. @in.Values.Select(Value)]) : null;
    }

    private ContainsNode? BindContains(string text, ContainsCondition contains)
    {
        var operand = _operands.Bind(contains.Operand);
        if (operand is null)
        {
            return null;
        }

        if (operand.Type is not (DataType.StringList or DataType.String) || contains.Value.Type != DataType.String)
        {
            Report(contains.Span, $"contains looks for a string in a list or inside a string; {operand.Text} is a {Name(operand.Type)} and the value a {Name(contains.Value.Type)}");
            return null;
        }

        return new ContainsNode(text, operand, contains.Value.Text!);
    }

    private AgeNode? BindAge(string text, AgeCondition age)
    {
        var operand = _operands.Bind(age.Operand);
        if (operand is null)
        {
            return null;
        }

        if (operand.Type != DataType.Timestamp)
        {
            Report(age.Span, $"older than and within measure the age of a timestamp (such as last(purchase)); {operand.Text} is a {Name(operand.Type)}");
            return null;
        }

        Inputs.AddTime();
        return new AgeNode(text, operand, age.Operator == AgeOperator.OlderThan, age.Seconds);
    }

    private TruthNode? BindTruth(string text, TruthCondition truth)
    {
        var operand = _operands.Bind(truth.Operand);
        if (operand is null)
        {
            return null;
        }

        if (operand.Type != DataType.Bool)
        {
            Report(truth.Span, $"{operand.Text} is a {Name(operand.Type)}, not a yes-or-no value; compare it with something (for example {operand.Text} {Example(operand.Type)})");
            return null;
        }

        return new TruthNode(text, operand);
    }

    private SegmentNode? BindSegment(string text, InSegmentCondition segment)
    {
        var known = segments?.SegmentIds ?? [];
        if (!known.Contains(segment.SegmentId))
        {
            Report(segment.Span, $"unknown segment '{segment.SegmentId}'{Suggestions.DidYouMean(segment.SegmentId, known)}");
            return null;
        }

        Inputs.AddSegment(segment.SegmentId);
        var catalog = segments!;
        if (catalog.Find(segment.SegmentId) is { } target)
        {
            // A rule reads whatever the segments it references read.
            Inputs.AddAll(target.Inputs);
        }

        var id = segment.SegmentId;
        return new SegmentNode(text, () => catalog.Find(id)?.Root ?? throw new InvalidOperationException($"Segment '{id}' is referenced but not compiled."));
    }

    /// <summary>Checks that a literal fits the operand's type, reporting what was expected.</summary>
    private bool Compatible(ValueNode operand, Literal value, Operand syntax)
    {
        if (operand.Type != value.Type)
        {
            Report(value.Span, $"{operand.Text} is a {Name(operand.Type)}; compare it with a {Name(operand.Type)} (such as {Example(operand.Type)}), not {Describe(value)}");
            return false;
        }

        if (syntax is AttributeOperand { Path: "lifecycle" } && !LifecycleStageNames.TryParse(value.Text!, out _))
        {
            Report(value.Span, $"unknown lifecycle stage \"{value.Text}\"{Suggestions.DidYouMean(value.Text!, LifecycleStageNames.All)}; stages are {string.Join(", ", LifecycleStageNames.All.Where(s => s != "none"))}");
            return false;
        }

        return true;
    }

    private static RuleValue Value(Literal literal) => literal.Type switch
    {
        DataType.String => RuleValue.Of(literal.Text),
        DataType.Number => RuleValue.Of(literal.Number),
        DataType.Bool => RuleValue.Of(literal.Number != 0),
        DataType.Duration => RuleValue.Duration(literal.Seconds),
        _ => RuleValue.Timestamp(literal.Seconds),
    };

    private static BoolNode? Both(BoolNode? left, BoolNode? right, Func<BoolNode, BoolNode, BoolNode> combine) =>
        left is null || right is null ? null : combine(left, right);

    internal static string Name(DataType type) => type switch
    {
        DataType.String => "string",
        DataType.Number => "number",
        DataType.Bool => "true/false value",
        DataType.Timestamp => "timestamp",
        DataType.StringList => "list of strings",
        DataType.Duration => "duration",
        _ => "value",
    };

    private static string Example(DataType type) => type switch
    {
        DataType.String => "\"text\"",
        DataType.Number => "42",
        DataType.Bool => "= true",
        DataType.Timestamp => "2025-11-28",
        DataType.Duration => "30d",
        DataType.StringList => "contains \"x\"",
        _ => "a value",
    };

    private static string Describe(Literal value) => value.Type switch
    {
        DataType.String => $"the string {value.ToRuleText()}",
        _ => $"the {Name(value.Type)} {value.ToRuleText()}",
    };

    private void Report(SourceSpan span, string message) => _diagnostics.Add(span.Diagnostic(message));
}
