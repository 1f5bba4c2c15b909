using ActorSegments.Domain.Events;
using ActorSegments.Domain.Rules;
using ActorSegments.Domain.Rules.Ast;
using ActorSegments.Domain.Rules.Syntax;
using ActorSegments.Domain.Schema;

namespace ActorSegments.Domain.Experiments;

/// <summary>
/// A metric's event filter, in the rule language's words: tests on the event's own properties joined by <c>and</c>,
/// e.g. <c>revenue &gt; 0 and currency in ["EUR", "USD"]</c>. Read with the rule lexer, so strings, numbers and error
/// positions work as they do in rules; checked against the event type's declared properties.
/// </summary>
public sealed class EventCondition
{
    private readonly PropertyTest[] _tests;

    private EventCondition(PropertyTest[] tests) => _tests = tests;

    /// <summary>The condition every event meets (no filter).</summary>
    public static EventCondition Always { get; } = new([]);

    public IReadOnlyList<PropertyTest> Tests => _tests;

    public bool Matches(IReadOnlyDictionary<string, PropertyValue> properties)
    {
        foreach (var test in _tests)
        {
            if (!test.Matches(properties))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Reads <paramref name="text"/> (null or blank: <see cref="Always"/>) and checks it against
    /// <paramref name="eventType"/>; every problem is returned with its line and column.
    /// </summary>
    public static (EventCondition? Condition, IReadOnlyList<RuleDiagnostic> Problems) Compile(string? text, EventTypeDefinition eventType)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (Always, []);
        }

        List<(PropertyTest Test, Token At)> parsed;
        try
        {
            parsed = Parse(Lexer.Tokenize(text));
        }
        catch (RuleSyntaxException ex)
        {
            return (null, [ex.Diagnostic]);
        }

        var problems = new List<RuleDiagnostic>();
        foreach (var (test, at) in parsed)
        {
            if (Check(test, eventType) is { } problem)
            {
                problems.Add(at.Span.Diagnostic(problem));
            }
        }

        return problems.Count == 0 ? (new EventCondition([.. parsed.Select(p => p.Test)]), []) : (null, problems);
    }

    private static string? Check(PropertyTest test, EventTypeDefinition eventType)
    {
        if (eventType.Property(test.Property) is not { } property)
        {
            var declared = eventType.Properties.Count == 0 ? "none" : string.Join(", ", eventType.Properties.Select(p => p.Name));
            return $"'{eventType.Name}' has no property '{test.Property}' (declared: {declared})";
        }

        var expected = property.Type switch
        {
            DataType.String => PropertyKind.String,
            DataType.Number => PropertyKind.Number,
            DataType.Bool => PropertyKind.Bool,
            _ => (PropertyKind?)null,
        };
        if (expected is null)
        {
            return $"'{test.Property}' is a {property.Type.ToString().ToLowerInvariant()} property; filters test strings, numbers and booleans";
        }

        if (test.Values.FirstOrDefault(v => v.Kind != expected) is { Kind: not 0 } wrong)
        {
            return $"'{test.Property}' is a {property.Type.ToString().ToLowerInvariant()}; {Describe(wrong)} is not";
        }

        var ordered = test.Operator is CompareOperator.Less or CompareOperator.LessOrEqual or CompareOperator.Greater or CompareOperator.GreaterOrEqual;
        return ordered && expected != PropertyKind.Number
            ? $"'{test.Property}' is a {property.Type.ToString().ToLowerInvariant()}: only =, != and in apply to it"
            : null;
    }

    private static string Describe(PropertyValue value) => value.Kind switch
    {
        PropertyKind.String => $"the string \"{value.Text}\"",
        PropertyKind.Bool => value.IsTrue ? "true" : "false",
        _ => $"the number {value}",
    };

    // filter = property ( compare literal | [ "not" ] "in" "[" literal { "," literal } "]" ) { "and" filter }
    private static List<(PropertyTest, Token)> Parse(List<Token> tokens)
    {
        var position = 0;
        var tests = new List<(PropertyTest, Token)>();
        while (true)
        {
            var name = tokens[position];
            if (name.Kind != TokenKind.Identifier)
            {
                throw Error(name, $"expected a property name, found {name.Describe()}");
            }

            position++;
            tests.Add((ParseTest(name.Text, tokens, ref position), name));
            var next = tokens[position];
            if (next.Kind == TokenKind.End)
            {
                return tests;
            }

            if (!next.IsKeyword("and"))
            {
                throw Error(next, $"expected 'and' or the end of the filter, found {next.Describe()}");
            }

            position++;
        }
    }

    private static PropertyTest ParseTest(string property, List<Token> tokens, ref int position)
    {
        var token = tokens[position++];
        var op = token.Kind.AsCompareOperator();
        if (op is not null)
        {
            return new PropertyTest(property, op, [ParseLiteral(tokens, ref position)]);
        }

        var notIn = token.IsKeyword("not");
        if (notIn)
        {
            token = tokens[position++];
        }

        if (!token.IsKeyword("in"))
        {
            throw Error(token, $"expected =, !=, <, <=, >, >= or in after '{property}', found {token.Describe()}");
        }

        Expect(tokens, ref position, TokenKind.LeftBracket, "'['");
        var values = new List<PropertyValue> { ParseLiteral(tokens, ref position) };
        while (tokens[position].Kind == TokenKind.Comma)
        {
            position++;
            values.Add(ParseLiteral(tokens, ref position));
        }

        Expect(tokens, ref position, TokenKind.RightBracket, "',' or ']'");
        return new PropertyTest(property, null, values, notIn);
    }

    private static PropertyValue ParseLiteral(List<Token> tokens, ref int position)
    {
        var token = tokens[position++];
        switch (token.Kind)
        {
            case TokenKind.String:
                return PropertyValue.Of(token.Text);
            case TokenKind.Number:
                return PropertyValue.Of(token.Number);
            case TokenKind.Minus when tokens[position].Kind == TokenKind.Number:
                return PropertyValue.Of(-tokens[position++].Number);
            case TokenKind.Identifier when token.IsKeyword("true") || token.IsKeyword("false"):
                return PropertyValue.Of(token.IsKeyword("true"));
            default:
                throw Error(token, $"expected a string, a number, true or false, found {token.Describe()}");
        }
    }

    private static void Expect(List<Token> tokens, ref int position, TokenKind kind, string what)
    {
        var token = tokens[position];
        if (token.Kind != kind)
        {
            throw Error(token, $"expected {what}, found {token.Describe()}");
        }

        position++;
    }

    private static RuleSyntaxException Error(Token at, string message) => new(at.Span.Diagnostic(message));
}
