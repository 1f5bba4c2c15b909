using System.Text;
using ActorSegments.Domain.Rules.Ast;

namespace ActorSegments.Domain.Rules.Syntax;

/// <summary>
/// Writes a syntax tree back as canonical rule text (lower-case keywords, durations in their largest exact unit,
/// parentheses only where precedence needs them). Parsing the result gives an equal tree.
/// </summary>
public static class RuleFormatter
{
    public static string Format(Condition rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var text = new StringBuilder();
        Write(text, rule, Precedence.Or);
        return text.ToString();
    }

    public static string Format(Operand operand)
    {
        ArgumentNullException.ThrowIfNull(operand);
        var text = new StringBuilder();
        Write(text, operand);
        return text.ToString();
    }

    private enum Precedence
    {
        Or = 0,
        And = 1,
        Not = 2,
    }

    private static void Write(StringBuilder text, Condition condition, Precedence context)
    {
        switch (condition)
        {
            case OrCondition or:
                Grouped(text, context > Precedence.Or, () =>
                {
                    Write(text, or.Left, Precedence.Or);
                    text.Append(" or ");
                    Write(text, or.Right, Precedence.And);
                });
                break;
            case AndCondition and:
                Grouped(text, context > Precedence.And, () =>
                {
                    Write(text, and.Left, Precedence.And);
                    text.Append(" and ");
                    Write(text, and.Right, Precedence.Not);
                });
                break;
            case NotCondition not:
                text.Append("not ");
                Write(text, not.Operand, Precedence.Not);
                break;
            case CompareCondition compare:
                Write(text, compare.Operand);
                text.Append(' ').Append(compare.Operator.Symbol()).Append(' ').Append(compare.Value.ToRuleText());
                break;
            case BetweenCondition between:
                Write(text, between.Operand);
                text.Append(" between ").Append(between.Low.ToRuleText()).Append(" and ").Append(between.High.ToRuleText());
                break;
            case InCondition @in:
                Write(text, @in.Operand);
                text.Append(" in ").Append(List(@in.Values));
                break;
            case ContainsCondition contains:
                Write(text, contains.Operand);
                text.Append(" contains ").Append(contains.Value.ToRuleText());
                break;
            case ExistsCondition exists:
                Write(text, exists.Operand);
                text.Append(" exists");
                break;
            case AgeCondition age:
                Write(text, age.Operand);
                text.Append(age.Operator == AgeOperator.OlderThan ? " older than " : " within ").Append(Literal.DurationText(age.Seconds));
                break;
            case TruthCondition truth:
                Write(text, truth.Operand);
                break;
            case InSegmentCondition segment:
                text.Append("in_segment(").Append(Literal.Quote(segment.SegmentId)).Append(')');
                break;
            case DidCondition did:
                text.Append("did(");
                Write(text, did.Events, property: null);
                Write(text, did.Window);
                text.Append(')');
                break;
            default:
                throw new InvalidOperationException($"Cannot format {condition.GetType().Name}.");
        }
    }

    private static void Write(StringBuilder text, Operand operand)
    {
        switch (operand)
        {
            case AggregateOperand aggregate:
                text.Append(aggregate.Kind.ToString().ToLowerInvariant()).Append('(');
                Write(text, aggregate.Events, aggregate.Property);
                Write(text, aggregate.Window);
                text.Append(')');
                break;
            case EventTimeOperand time:
                text.Append(time.First ? "first(" : "last(");
                Write(text, time.Events, property: null);
                text.Append(')');
                break;
            case AttributeOperand attribute:
                text.Append(attribute.Path);
                break;
            case ScoreOperand score:
                text.Append("score(").Append(Literal.Quote(score.Name)).Append(')');
                break;
            case PercentileOperand percentile:
                text.Append("percentile(").Append(Literal.Quote(percentile.Score)).Append(')');
                break;
            case ExperimentOperand experiment:
                text.Append("experiment(").Append(Literal.Quote(experiment.ExperimentId)).Append(')');
                break;
            default:
                throw new InvalidOperationException($"Cannot format {operand.GetType().Name}.");
        }
    }

    private static void Write(StringBuilder text, EventSelector events, string? property)
    {
        text.Append(events.EventType);
        if (property is not null)
        {
            text.Append('.').Append(property);
        }

        for (var i = 0; i < events.Filters.Count; i++)
        {
            var filter = events.Filters[i];
            text.Append(i == 0 ? " where " : " and ").Append(filter.Property);
            if (filter.Values.Count == 1)
            {
                text.Append(filter.Negated ? " != " : " = ").Append(filter.Values[0].ToRuleText());
            }
            else
            {
                text.Append(filter.Negated ? " not in " : " in ").Append(List(filter.Values));
            }
        }
    }

    private static void Write(StringBuilder text, Window? window)
    {
        switch (window)
        {
            case RelativeWindow relative:
                text.Append(", within ").Append(Literal.DurationText(relative.Seconds));
                break;
            case AbsoluteWindow absolute:
                text.Append(", between ").Append(Literal.TimestampText(absolute.From)).Append(" and ").Append(Literal.TimestampText(absolute.To));
                break;
        }
    }

    private static string List(IEnumerable<Literal> values) => "[" + string.Join(", ", values.Select(v => v.ToRuleText())) + "]";

    private static void Grouped(StringBuilder text, bool parenthesize, Action write)
    {
        if (parenthesize)
        {
            text.Append('(');
        }

        write();
        if (parenthesize)
        {
            text.Append(')');
        }
    }
}
