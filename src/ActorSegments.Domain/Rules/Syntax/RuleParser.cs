using System.Diagnostics.CodeAnalysis;
using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Rules.Ast;

namespace ActorSegments.Domain.Rules.Syntax;

/// <summary>
/// Reads rule text into a syntax tree (grammar in docs/rules.md). Precedence from loose to tight: <c>or</c>,
/// <c>and</c>, <c>not</c>; parentheses group. Any problem raises <see cref="RuleSyntaxException"/> naming the line,
/// the column and what was expected there; nothing else is ever thrown for any input.
/// </summary>
public sealed class RuleParser
{
    /// <summary>Deepest nesting of parentheses and <c>not</c>; deeper rules are not written by people.</summary>
    public const int MaxDepth = 64;

    private static readonly string[] _functions = ["count", "sum", "avg", "min", "max", "first", "last", "did", "score", "percentile", "experiment", "in_segment"];
    private static readonly string[] _comparisons = ["=", "!=", "<", "<=", ">", ">=", "between", "in", "contains", "exists", "older than", "within"];

    private readonly List<Token> _tokens;
    private int _position;
    private int _depth;

    private RuleParser(List<Token> tokens) => _tokens = tokens;

    private Token Current => _tokens[_position];

    public static Condition Parse(string text)
    {
        var parser = new RuleParser(Lexer.Tokenize(text));
        if (parser.Current.Kind == TokenKind.End)
        {
            throw Error(parser.Current, "the rule is empty; expected a condition such as count(purchase, within 30d) >= 1");
        }

        var rule = parser.ParseOr();
        if (parser.Current.Kind != TokenKind.End)
        {
            throw Error(parser.Current, $"expected 'and', 'or' or the end of the rule, but found {parser.Current.Describe()}");
        }

        return rule;
    }

    public static bool TryParse(string text, [NotNullWhen(true)] out Condition? rule, [NotNullWhen(false)] out RuleDiagnostic? diagnostic)
    {
        try
        {
            (rule, diagnostic) = (Parse(text), null);
            return true;
        }
        catch (RuleSyntaxException ex)
        {
            (rule, diagnostic) = (null, ex.Diagnostic);
            return false;
        }
    }

    private Condition ParseOr()
    {
        var left = ParseAnd();
        while (Current.IsKeyword("or"))
        {
            Advance();
            var right = ParseAnd();
            left = new OrCondition(left, right) { Span = SourceSpan.Cover(left.Span, right.Span) };
        }

        return left;
    }

    private Condition ParseAnd()
    {
        var left = ParseUnary();
        while (Current.IsKeyword("and"))
        {
            Advance();
            var right = ParseUnary();
            left = new AndCondition(left, right) { Span = SourceSpan.Cover(left.Span, right.Span) };
        }

        return left;
    }

    private Condition ParseUnary()
    {
        if (!Current.IsKeyword("not"))
        {
            return ParsePrimary();
        }

        var not = Advance();
        Enter(not);
        var operand = ParseUnary();
        _depth--;
        return new NotCondition(operand) { Span = SourceSpan.Cover(not.Span, operand.Span) };
    }

    private Condition ParsePrimary()
    {
        if (Current.Kind == TokenKind.LeftParen)
        {
            var open = Advance();
            Enter(open);
            var inner = ParseOr();
            _depth--;
            var close = Expect(TokenKind.RightParen, "')' to close the parenthesis opened at line " + open.Span.Line + ", column " + open.Span.Column);
            return inner with { Span = SourceSpan.Cover(open.Span, close.Span) };
        }

        if (Current.Kind != TokenKind.Identifier)
        {
            throw Error(Current, $"expected a condition (such as count(purchase) > 0, trait.country = \"US\" or in_segment(\"vip\")), but found {Current.Describe()}");
        }

        var start = Current;
        if (Peek(1).Kind == TokenKind.LeftParen)
        {
            var name = start.Text.ToLowerInvariant();
            if (name == "in_segment")
            {
                Advance();
                Advance();
                var id = Expect(TokenKind.String, "a segment id in quotes, as in in_segment(\"vip\")");
                var close = Expect(TokenKind.RightParen, "')' after the segment id");
                return new InSegmentCondition(id.Text) { Span = SourceSpan.Cover(start.Span, close.Span) };
            }

            if (name == "did")
            {
                Advance();
                Advance();
                var (events, _) = ParseEventReference(allowProperty: false);
                var window = ParseOptionalWindow();
                var close = Expect(TokenKind.RightParen, "')' to close did(...)");
                return new DidCondition(events, window) { Span = SourceSpan.Cover(start.Span, close.Span) };
            }
        }

        var operand = ParseOperand();
        return ParsePredicate(operand);
    }

    private Condition ParsePredicate(Operand operand)
    {
        var negated = false;
        if (Current.IsKeyword("not"))
        {
            Advance();
            negated = true;
            if (!(Current.IsKeyword("in") || Current.IsKeyword("between") || Current.IsKeyword("contains") || Current.IsKeyword("exists")))
            {
                throw Error(Current, $"expected 'in', 'between', 'contains' or 'exists' after 'not', but found {Current.Describe()}");
            }
        }

        var condition = ParseComparison(operand);
        return negated ? new NotCondition(condition) { Span = condition.Span } : condition;
    }

    private Condition ParseComparison(Operand operand)
    {
        var token = Current;
        var op = token.Kind.AsCompareOperator();
        if (op is not null)
        {
            Advance();
            var value = ParseLiteral();
            return new CompareCondition(operand, op.Value, value) { Span = SourceSpan.Cover(operand.Span, value.Span) };
        }

        if (token.IsKeyword("between"))
        {
            Advance();
            var low = ParseLiteral();
            ExpectKeyword("and", "'and' between the two ends of the range, as in between 25 and 34");
            var high = ParseLiteral();
            return new BetweenCondition(operand, low, high) { Span = SourceSpan.Cover(operand.Span, high.Span) };
        }

        if (token.IsKeyword("in"))
        {
            Advance();
            var (values, close) = ParseLiteralList();
            return new InCondition(operand, values) { Span = SourceSpan.Cover(operand.Span, close.Span) };
        }

        if (token.IsKeyword("contains"))
        {
            Advance();
            var value = ParseLiteral();
            return new ContainsCondition(operand, value) { Span = SourceSpan.Cover(operand.Span, value.Span) };
        }

        if (token.IsKeyword("exists"))
        {
            Advance();
            return new ExistsCondition(operand) { Span = SourceSpan.Cover(operand.Span, token.Span) };
        }

        if (token.IsKeyword("older") || token.IsKeyword("within"))
        {
            Advance();
            if (token.IsKeyword("older"))
            {
                ExpectKeyword("than", "'than' after 'older', as in last(purchase) older than 30d");
            }

            var duration = Expect(TokenKind.Duration, "a duration such as 30d or 48h");
            var age = token.IsKeyword("older") ? AgeOperator.OlderThan : AgeOperator.Within;
            return new AgeCondition(operand, age, duration.Seconds) { Span = SourceSpan.Cover(operand.Span, duration.Span) };
        }

        // A bare operand is a yes-or-no value on its own (cart.abandoned); the checker makes sure it is one.
        if (token.Kind is TokenKind.End or TokenKind.RightParen || token.IsKeyword("and") || token.IsKeyword("or"))
        {
            return new TruthCondition(operand) { Span = operand.Span };
        }

        throw Error(token, $"expected a comparison ({string.Join(", ", _comparisons)}) or 'and', 'or', ')' after {Describe(operand)}, but found {token.Describe()}");
    }

    private Operand ParseOperand()
    {
        var start = Current;
        if (Peek(1).Kind == TokenKind.LeftParen)
        {
            return ParseFunction();
        }

        var path = ParseDottedName("an attribute such as trait.country or lifecycle");
        return new AttributeOperand(path.Name) { Span = SourceSpan.Cover(start.Span, path.Last.Span) };
    }

    private Operand ParseFunction()
    {
        var nameToken = Advance();
        var name = nameToken.Text.ToLowerInvariant();
        Advance(); // (
        Operand operand;
        switch (name)
        {
            case "count" or "sum" or "avg" or "min" or "max":
                var kind = Enum.Parse<AggregateKind>(name, ignoreCase: true);
                var (events, property) = ParseEventReference(allowProperty: kind != AggregateKind.Count);
                if (kind != AggregateKind.Count && property is null)
                {
                    throw Error(Current, $"{name}() needs a numeric property, as in {name}(purchase.revenue)");
                }

                var window = ParseOptionalWindow();
                operand = new AggregateOperand(kind, events, property, window);
                break;
            case "first" or "last":
                var (timed, _) = ParseEventReference(allowProperty: false);
                operand = new EventTimeOperand(name == "first", timed);
                break;
            case "score":
                var score = Expect(TokenKind.String, "a score name in quotes, as in score(\"purchase_30d\")");
                operand = new ScoreOperand(score.Text);
                break;
            case "percentile":
                var ranked = Expect(TokenKind.String, "a propensity model's name in quotes, as in percentile(\"purchase_30d\")");
                operand = new PercentileOperand(ranked.Text);
                break;
            case "experiment":
                var experiment = Expect(TokenKind.String, "an experiment id in quotes, as in experiment(\"spring_sale\")");
                operand = new ExperimentOperand(experiment.Text);
                break;
            case "in_segment" or "did":
                throw Error(nameToken, $"{name}(...) is a condition on its own and cannot be compared; use it directly, as in {name}(...) and ...");
            default:
                throw Error(nameToken, $"unknown function '{nameToken.Text}'{Suggestions.DidYouMean(name, _functions)}; expected one of {string.Join(", ", _functions)}");
        }

        var close = Expect(TokenKind.RightParen, $"')' to close {name}(...)");
        return operand with { Span = SourceSpan.Cover(nameToken.Span, close.Span) };
    }

    /// <summary><c>event</c>, <c>event.property</c>, then optional <c>where</c> filters.</summary>
    private (EventSelector Events, string? Property) ParseEventReference(bool allowProperty)
    {
        var start = Current;
        var eventType = Expect(TokenKind.Identifier, "an event type such as purchase or product_viewed");
        string? property = null;
        var last = eventType;
        if (Current.Kind == TokenKind.Dot)
        {
            Advance();
            last = Expect(TokenKind.Identifier, "a property name after '.', as in purchase.revenue");
            if (!allowProperty)
            {
                throw Error(last, $"this function counts events and takes no property; write {eventType.Text}, not {eventType.Text}.{last.Text}");
            }

            property = last.Text;
        }

        var filters = new List<EventFilter>();
        if (Current.IsKeyword("where"))
        {
            Advance();
            filters.Add(ParseFilter());
            // Inside the parentheses 'and' can only join another filter.
            while (Current.IsKeyword("and"))
            {
                Advance();
                filters.Add(ParseFilter());
            }

            last = _tokens[_position - 1];
        }

        return (new EventSelector(eventType.Text, new ValueList<EventFilter>(filters)) { Span = SourceSpan.Cover(start.Span, last.Span) }, property);
    }

    private EventFilter ParseFilter()
    {
        var property = Expect(TokenKind.Identifier, "a property name to filter on, as in where category = \"Shoes\"");
        if (Current.Kind is TokenKind.Equal or TokenKind.NotEqual)
        {
            var negated = Advance().Kind == TokenKind.NotEqual;
            var value = ParseLiteral();
            return new EventFilter(property.Text, negated, new ValueList<Literal>([value])) { Span = SourceSpan.Cover(property.Span, value.Span) };
        }

        var notIn = Current.IsKeyword("not");
        if (notIn)
        {
            Advance();
        }

        if (!Current.IsKeyword("in"))
        {
            throw Error(Current, $"expected =, != or {(notIn ? string.Empty : "not ")}in [...] after the property '{property.Text}', but found {Current.Describe()}");
        }

        Advance();
        var (values, close) = ParseLiteralList();
        return new EventFilter(property.Text, notIn, values) { Span = SourceSpan.Cover(property.Span, close.Span) };
    }

    private Window? ParseOptionalWindow()
    {
        if (Current.Kind != TokenKind.Comma)
        {
            return null;
        }

        Advance();
        var start = Current;
        if (start.IsKeyword("within"))
        {
            Advance();
            var duration = Expect(TokenKind.Duration, "a duration such as 48h or 30d");
            if (duration.Seconds <= 0)
            {
                throw Error(duration, "a window must be longer than zero");
            }

            return new RelativeWindow(duration.Seconds) { Span = SourceSpan.Cover(start.Span, duration.Span) };
        }

        if (start.IsKeyword("between"))
        {
            Advance();
            var from = Expect(TokenKind.Timestamp, "a start date such as 2025-11-28");
            ExpectKeyword("and", "'and' between the two dates");
            var to = Expect(TokenKind.Timestamp, "an end date such as 2025-12-02");
            if (to.Seconds <= from.Seconds)
            {
                throw Error(to, "the end of the range must be after its start");
            }

            return new AbsoluteWindow(from.Seconds, to.Seconds) { Span = SourceSpan.Cover(start.Span, to.Span) };
        }

        throw Error(start, $"expected a window ('within 30d' or 'between 2025-11-28 and 2025-12-02') after ',', but found {start.Describe()}");
    }

    private Literal ParseLiteral()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.String:
                Advance();
                return Literal.String(token.Text) with { Span = token.Span };
            case TokenKind.Number:
                Advance();
                return Literal.Of(token.Number) with { Span = token.Span };
            case TokenKind.Minus when Peek(1).Kind == TokenKind.Number:
                Advance();
                var number = Advance();
                return Literal.Of(-number.Number) with { Span = SourceSpan.Cover(token.Span, number.Span) };
            case TokenKind.Duration:
                Advance();
                return Literal.Duration(token.Seconds) with { Span = token.Span };
            case TokenKind.Timestamp:
                Advance();
                return Literal.Timestamp(token.Seconds) with { Span = token.Span };
            case TokenKind.Identifier when token.IsKeyword("true") || token.IsKeyword("false"):
                Advance();
                return Literal.Of(token.IsKeyword("true")) with { Span = token.Span };
            default:
                throw Error(token, $"expected a value (a \"string\", a number, true, false, a duration such as 30d or a date such as 2025-11-28), but found {token.Describe()}");
        }
    }

    private (ValueList<Literal> Values, Token Close) ParseLiteralList()
    {
        Expect(TokenKind.LeftBracket, "'[' to start a list, as in in [\"US\", \"CA\"]");
        var values = new List<Literal> { ParseLiteral() };
        while (Current.Kind == TokenKind.Comma)
        {
            Advance();
            values.Add(ParseLiteral());
        }

        var close = Expect(TokenKind.RightBracket, "',' or ']' in the list");
        return (new ValueList<Literal>(values), close);
    }

    private (string Name, Token Last) ParseDottedName(string what)
    {
        var first = Expect(TokenKind.Identifier, what);
        var name = first.Text;
        var last = first;
        while (Current.Kind == TokenKind.Dot)
        {
            Advance();
            last = Expect(TokenKind.Identifier, $"a name after '.' in {name}.");
            name += "." + last.Text;
        }

        return (name, last);
    }

    private Token Advance()
    {
        var token = Current;
        if (token.Kind != TokenKind.End)
        {
            _position++;
        }

        return token;
    }

    private Token Peek(int ahead) => _tokens[Math.Min(_position + ahead, _tokens.Count - 1)];

    private Token Expect(TokenKind kind, string what) =>
        Current.Kind == kind ? Advance() : throw Error(Current, $"expected {what}, but found {Current.Describe()}");

    private void ExpectKeyword(string keyword, string what)
    {
        if (!Current.IsKeyword(keyword))
        {
            throw Error(Current, $"expected {what}, but found {Current.Describe()}");
        }

        Advance();
    }

    private void Enter(Token at)
    {
        if (++_depth > MaxDepth)
        {
            throw Error(at, $"the rule nests more than {MaxDepth} levels of parentheses or 'not'");
        }
    }

    private static string Describe(Operand operand) => operand switch
    {
        AttributeOperand a => a.Path,
        ScoreOperand s => $"score(\"{s.Name}\")",
        PercentileOperand p => $"percentile(\"{p.Score}\")",
        ExperimentOperand e => $"experiment(\"{e.ExperimentId}\")",
        AggregateOperand a => $"{a.Kind.ToString().ToLowerInvariant()}(...)",
        EventTimeOperand t => t.First ? "first(...)" : "last(...)",
        _ => "the value",
    };

    private static RuleSyntaxException Error(Token at, string message) => new(at.Span.Diagnostic(message));
}
