using ActorSegments.Domain.Events;
using ActorSegments.Domain.Rules.Ast;

namespace ActorSegments.Domain.Experiments;

/// <summary>
/// One test on an event property: a comparison (<c>revenue &gt; 0</c>, <c>currency = "EUR"</c>) when
/// <paramref name="Operator"/> is set, otherwise a list test (<c>channel in ["web", "app"]</c>, or with
/// <paramref name="NotIn"/> <c>not in</c>). An event without the property, or with a value of another kind, fails every
/// test but <c>!=</c> and <c>not in</c>.
/// </summary>
public sealed record PropertyTest(string Property, CompareOperator? Operator, IReadOnlyList<PropertyValue> Values, bool NotIn = false)
{
    public bool Matches(IReadOnlyDictionary<string, PropertyValue> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var found = properties.TryGetValue(Property, out var value);
        if (Operator is not { } op)
        {
            var contained = found && Values.Contains(value);
            return contained != NotIn;
        }

        var operand = Values[0];
        if (!found || value.Kind != operand.Kind)
        {
            return op == CompareOperator.NotEqual;
        }

        return op switch
        {
            CompareOperator.Equal => value.Equals(operand),
            CompareOperator.NotEqual => !value.Equals(operand),
            CompareOperator.Less => value.Number < operand.Number,
            CompareOperator.LessOrEqual => value.Number <= operand.Number,
            CompareOperator.Greater => value.Number > operand.Number,
            CompareOperator.GreaterOrEqual => value.Number >= operand.Number,
            _ => false,
        };
    }
}
