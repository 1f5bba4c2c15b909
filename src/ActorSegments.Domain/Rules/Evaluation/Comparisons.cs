using ActorSegments.Domain.Rules.Ast;
using ActorSegments.Domain.Schema;

namespace ActorSegments.Domain.Rules.Evaluation;

/// <summary>How values compare. Any comparison with null is false (so <c>not</c> of it is true).</summary>
internal static class Comparisons
{
    public static bool Holds(double value, CompareOperator op, double threshold) => op switch
    {
        CompareOperator.Equal => value == threshold,
        CompareOperator.NotEqual => value != threshold,
        CompareOperator.Less => value < threshold,
        CompareOperator.LessOrEqual => value <= threshold,
        CompareOperator.Greater => value > threshold,
        _ => value >= threshold,
    };

    public static bool Holds(in RuleValue value, CompareOperator op, in RuleValue literal)
    {
        if (value.IsNull || literal.IsNull)
        {
            return false;
        }

        return value.Type switch
        {
            DataType.Number => Holds(value.Number, op, literal.Number),
            DataType.Timestamp or DataType.Duration => Holds(value.Seconds, op, literal.Seconds),
            DataType.Bool => op == CompareOperator.Equal ? value.IsTrue == literal.IsTrue : op == CompareOperator.NotEqual && value.IsTrue != literal.IsTrue,
            DataType.String => Holds(string.CompareOrdinal(value.Text, literal.Text), op, 0),
            _ => false,
        };
    }

    /// <summary>Ordering used by <c>between</c>: numbers, timestamps and durations.</summary>
    public static double Ordinal(in RuleValue value) => value.Type == DataType.Number ? value.Number : value.Seconds;
}
