using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Rules.Ast;
using ActorSegments.Domain.Schema;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Rules.Json;

/// <summary>
/// The JSON form of a rule's syntax tree, for rule-building UIs. Conditions carry an <c>op</c>, operands a
/// <c>kind</c>, literals a <c>type</c>; timestamps are ISO 8601 UTC strings and durations whole seconds. Reading the
/// written JSON gives an equal tree (see docs/rules.md for the shapes).
/// </summary>
public static class RuleJson
{
    public static string Serialize(Condition rule) => Write(rule).ToJsonString();

    public static Condition Deserialize(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new RuleJsonException($"The rule JSON is not valid JSON: {ex.Message}", ex);
        }

        return ReadCondition(node, "$");
    }

    public static JsonObject Write(Condition rule) => rule switch
    {
        AndCondition and => new JsonObject { ["op"] = "and", ["left"] = Write(and.Left), ["right"] = Write(and.Right) },
        OrCondition or => new JsonObject { ["op"] = "or", ["left"] = Write(or.Left), ["right"] = Write(or.Right) },
        NotCondition not => new JsonObject { ["op"] = "not", ["operand"] = Write(not.Operand) },
        CompareCondition c => new JsonObject { ["op"] = "compare", ["operand"] = Write(c.Operand), ["comparator"] = c.Operator.Symbol(), ["value"] = Write(c.Value) },
        BetweenCondition b => new JsonObject { ["op"] = "between", ["operand"] = Write(b.Operand), ["low"] = Write(b.Low), ["high"] = Write(b.High) },
        InCondition i => new JsonObject { ["op"] = "in", ["operand"] = Write(i.Operand), ["values"] = new JsonArray([.. i.Values.Select(Write)]) },
        ContainsCondition c => new JsonObject { ["op"] = "contains", ["operand"] = Write(c.Operand), ["value"] = Write(c.Value) },
        ExistsCondition e => new JsonObject { ["op"] = "exists", ["operand"] = Write(e.Operand) },
        AgeCondition a => new JsonObject { ["op"] = a.Operator == AgeOperator.OlderThan ? "older_than" : "within", ["operand"] = Write(a.Operand), ["seconds"] = a.Seconds },
        TruthCondition t => new JsonObject { ["op"] = "is_true", ["operand"] = Write(t.Operand) },
        InSegmentCondition s => new JsonObject { ["op"] = "in_segment", ["segment"] = s.SegmentId },
        DidCondition d => new JsonObject { ["op"] = "did", ["events"] = Write(d.Events), ["window"] = Write(d.Window) },
        _ => throw new InvalidOperationException($"No JSON form for {rule.GetType().Name}."),
    };

    private static JsonObject Write(Operand operand) => operand switch
    {
        AggregateOperand a => new JsonObject
        {
            ["kind"] = "aggregate",
            ["function"] = a.Kind.ToString().ToLowerInvariant(),
            ["events"] = Write(a.Events),
            ["property"] = a.Property,
            ["window"] = Write(a.Window),
        },
        EventTimeOperand t => new JsonObject { ["kind"] = t.First ? "first" : "last", ["events"] = Write(t.Events) },
        AttributeOperand a => new JsonObject { ["kind"] = "attribute", ["path"] = a.Path },
        ScoreOperand s => new JsonObject { ["kind"] = "score", ["name"] = s.Name },
        PercentileOperand p => new JsonObject { ["kind"] = "percentile", ["score"] = p.Score },
        ExperimentOperand e => new JsonObject { ["kind"] = "experiment", ["experiment"] = e.ExperimentId },
        _ => throw new InvalidOperationException($"No JSON form for {operand.GetType().Name}."),
    };

    private static JsonObject Write(EventSelector events) => new()
    {
        ["event"] = events.EventType,
        ["filters"] = new JsonArray([.. events.Filters.Select(f => (JsonNode)new JsonObject
        {
            ["property"] = f.Property,
            ["negated"] = f.Negated,
            ["values"] = new JsonArray([.. f.Values.Select(Write)]),
        })]),
    };

    private static JsonObject? Write(Window? window) => window switch
    {
        RelativeWindow r => new JsonObject { ["within_seconds"] = r.Seconds },
        AbsoluteWindow a => new JsonObject { ["from"] = Iso(a.From), ["to"] = Iso(a.To) },
        _ => null,
    };

    private static JsonObject Write(Literal literal) => literal.Type switch
    {
        DataType.String => new JsonObject { ["type"] = "string", ["value"] = literal.Text },
        DataType.Number => new JsonObject { ["type"] = "number", ["value"] = literal.Number },
        DataType.Bool => new JsonObject { ["type"] = "bool", ["value"] = literal.Number != 0 },
        DataType.Duration => new JsonObject { ["type"] = "duration", ["seconds"] = literal.Seconds },
        DataType.Timestamp => new JsonObject { ["type"] = "timestamp", ["value"] = Iso(literal.Seconds) },
        _ => throw new InvalidOperationException($"No JSON form for a {literal.Type} literal."),
    };

    private static Condition ReadCondition(JsonNode? node, string path)
    {
        var obj = Object(node, path);
        var op = String(obj, "op", path);
        return op switch
        {
            "and" => new AndCondition(ReadCondition(obj["left"], $"{path}.left"), ReadCondition(obj["right"], $"{path}.right")),
            "or" => new OrCondition(ReadCondition(obj["left"], $"{path}.left"), ReadCondition(obj["right"], $"{path}.right")),
            "not" => new NotCondition(ReadCondition(obj["operand"], $"{path}.operand")),
            "compare" => new CompareCondition(ReadOperand(obj["operand"], $"{path}.operand"), Comparator(String(obj, "comparator", path), $"{path}.comparator"), ReadLiteral(obj["value"], $"{path}.value")),
            "between" => new BetweenCondition(ReadOperand(obj["operand"], $"{path}.operand"), ReadLiteral(obj["low"], $"{path}.low"), ReadLiteral(obj["high"], $"{path}.high")),
            "in" => new InCondition(ReadOperand(obj["operand"], $"{path}.operand"), ReadLiterals(obj["values"], $"{path}.values")),
            "contains" => new ContainsCondition(ReadOperand(obj["operand"], $"{path}.operand"), ReadLiteral(obj["value"], $"{path}.value")),
            "exists" => new ExistsCondition(ReadOperand(obj["operand"], $"{path}.operand")),
            "older_than" or "within" => new AgeCondition(ReadOperand(obj["operand"], $"{path}.operand"), op == "within" ? AgeOperator.Within : AgeOperator.OlderThan, Long(obj, "seconds", path)),
            "is_true" => new TruthCondition(ReadOperand(obj["operand"], $"{path}.operand")),
            "in_segment" => new InSegmentCondition(String(obj, "segment", path)),
            "did" => new DidCondition(ReadSelector(obj["events"], $"{path}.events"), ReadWindow(obj["window"], $"{path}.window")),
            _ => throw new RuleJsonException($"{path}.op: unknown condition '{op}'; expected and, or, not, compare, between, in, contains, exists, older_than, within, is_true, in_segment or did"),
        };
    }

    private static Operand ReadOperand(JsonNode? node, string path)
    {
        var obj = Object(node, path);
        var kind = String(obj, "kind", path);
        return kind switch
        {
            "aggregate" => new AggregateOperand(
                Enum.TryParse<AggregateKind>(String(obj, "function", path), ignoreCase: true, out var function) ? function : throw new RuleJsonException($"{path}.function: expected count, sum, avg, min or max"),
                ReadSelector(obj["events"], $"{path}.events"),
                obj["property"] is null ? null : String(obj, "property", path),
                ReadWindow(obj["window"], $"{path}.window")),
            "first" or "last" => new EventTimeOperand(kind == "first", ReadSelector(obj["events"], $"{path}.events")),
            "attribute" => new AttributeOperand(String(obj, "path", path)),
            "score" => new ScoreOperand(String(obj, "name", path)),
            "percentile" => new PercentileOperand(String(obj, "score", path)),
            "experiment" => new ExperimentOperand(String(obj, "experiment", path)),
            _ => throw new RuleJsonException($"{path}.kind: unknown operand '{kind}'; expected aggregate, first, last, attribute, score, percentile or experiment"),
        };
    }

    private static EventSelector ReadSelector(JsonNode? node, string path)
    {
        var obj = Object(node, path);
        var filters = new List<EventFilter>();
        if (obj["filters"] is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                var filterPath = $"{path}.filters[{i}]";
                var filter = Object(array[i], filterPath);
                filters.Add(new EventFilter(
                    String(filter, "property", filterPath),
                    filter["negated"] is JsonValue negated && negated.TryGetValue<bool>(out var flag) && flag,
                    ReadLiterals(filter["values"], $"{filterPath}.values")));
            }
        }

        return new EventSelector(String(obj, "event", path), new ValueList<EventFilter>(filters));
    }

    private static Window? ReadWindow(JsonNode? node, string path)
    {
        if (node is null)
        {
            return null;
        }

        var obj = Object(node, path);
        if (obj["within_seconds"] is not null)
        {
            return new RelativeWindow(Long(obj, "within_seconds", path));
        }

        return new AbsoluteWindow(Timestamp(String(obj, "from", path), $"{path}.from"), Timestamp(String(obj, "to", path), $"{path}.to"));
    }

    private static ValueList<Literal> ReadLiterals(JsonNode? node, string path) => node is JsonArray array
        ? new ValueList<Literal>(array.Select((item, i) => ReadLiteral(item, $"{path}[{i}]")))
        : throw new RuleJsonException($"{path}: expected an array of values");

    private static Literal ReadLiteral(JsonNode? node, string path)
    {
        var obj = Object(node, path);
        var type = String(obj, "type", path);
        return type switch
        {
            "string" => Literal.String(String(obj, "value", path)),
            "number" => Literal.Of(obj["value"] is JsonValue v && v.TryGetValue<double>(out var number) ? number : throw new RuleJsonException($"{path}.value: expected a number")),
            "bool" => Literal.Of(obj["value"] is JsonValue b && b.TryGetValue<bool>(out var flag) ? flag : throw new RuleJsonException($"{path}.value: expected true or false")),
            "duration" => Literal.Duration(Long(obj, "seconds", path)),
            "timestamp" => Literal.Timestamp(Timestamp(String(obj, "value", path), $"{path}.value")),
            _ => throw new RuleJsonException($"{path}.type: unknown value type '{type}'; expected string, number, bool, duration or timestamp"),
        };
    }

    private static JsonObject Object(JsonNode? node, string path) =>
        node as JsonObject ?? throw new RuleJsonException($"{path}: expected an object");

    private static string String(JsonObject obj, string name, string path) =>
        obj[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : throw new RuleJsonException($"{path}.{name}: expected a string");

    private static long Long(JsonObject obj, string name, string path) =>
        obj[name] is JsonValue value && value.TryGetValue<long>(out var number) ? number : throw new RuleJsonException($"{path}.{name}: expected a whole number");

    private static long Timestamp(string text, string path) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? UnixTime.Seconds(time)
            : throw new RuleJsonException($"{path}: '{text}' is not an ISO 8601 timestamp");

    private static string Iso(long seconds) => UnixTime.ToDateTimeOffset(seconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static CompareOperator Comparator(string symbol, string path) => symbol switch
    {
        "=" => CompareOperator.Equal,
        "!=" => CompareOperator.NotEqual,
        "<" => CompareOperator.Less,
        "<=" => CompareOperator.LessOrEqual,
        ">" => CompareOperator.Greater,
        ">=" => CompareOperator.GreaterOrEqual,
        _ => throw new RuleJsonException($"{path}: unknown comparator '{symbol}'; expected =, !=, <, <=, > or >="),
    };
}
