using ActorSegments.Domain.Rules.Ast;
using ActorSegments.Domain.Schema;

namespace ActorSegments.Domain.Rules.Evaluation;

/// <summary><c>value op literal</c>.</summary>
internal readonly struct ComparePredicate(CompareOperator op, RuleValue literal) : IValuePredicate
{
    public bool Holds(in RuleValue value) => Comparisons.Holds(value, op, literal);

    public int Thresholds(Span<double> into) => Numbers.Write([literal], into);
}

/// <summary><c>value between low and high</c>.</summary>
internal readonly struct BetweenPredicate(RuleValue low, RuleValue high) : IValuePredicate
{
    public bool Holds(in RuleValue value) =>
        !value.IsNull && Comparisons.Ordinal(value) >= Comparisons.Ordinal(low) && Comparisons.Ordinal(value) <= Comparisons.Ordinal(high);

    public int Thresholds(Span<double> into) => Numbers.Write([low, high], into);
}

/// <summary><c>value in [values]</c>.</summary>
internal readonly struct InPredicate(RuleValue[] values) : IValuePredicate
{
    public bool Holds(in RuleValue value)
    {
        foreach (var candidate in values)
        {
            if (Comparisons.Holds(value, CompareOperator.Equal, candidate))
            {
                return true;
            }
        }

        return false;
    }

    public int Thresholds(Span<double> into) => Numbers.Write(values, into);
}

/// <summary><c>value exists</c>.</summary>
internal readonly struct ExistsPredicate : IValuePredicate
{
    public bool Holds(in RuleValue value) => !value.IsNull;

    public int Thresholds(Span<double> into) => 0;
}

file static class Numbers
{
    public static int Write(ReadOnlySpan<RuleValue> literals, Span<double> into)
    {
        if (literals.Length > into.Length)
        {
            return -1;
        }

        for (var i = 0; i < literals.Length; i++)
        {
            if (literals[i].Type != DataType.Number)
            {
                return -1;
            }

            into[i] = literals[i].Number;
        }

        return literals.Length;
    }
}
