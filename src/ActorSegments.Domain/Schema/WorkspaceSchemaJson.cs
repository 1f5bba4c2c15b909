using System.Text.Json;
using System.Text.Json.Nodes;
using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Validation;

namespace ActorSegments.Domain.Schema;

/// <summary>
/// The JSON form of a workspace schema, as operators write it:
/// <code>
/// { "event_types": [ { "name": "webinar_attended", "properties": [ { "name": "topic", "type": "string", "tracked": true } ] } ],
///   "traits": [ { "name": "plan", "type": "string" } ],
///   "scores": [ "purchase_30d" ] }
/// </code>
/// Property types are string, number and bool; trait types also timestamp and string_list. Every problem is reported
/// with the JSON path of the value at fault.
/// </summary>
public static class WorkspaceSchemaJson
{
    private const int MaxNameLength = 64;

    public static WorkspaceSchema Parse(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json ?? string.Empty);
        }
        catch (JsonException ex)
        {
            throw new SchemaJsonException($"$: not valid JSON ({ex.Message})", ex);
        }

        if (root is not JsonObject document)
        {
            throw new SchemaJsonException("$: expected an object with event_types, traits and scores");
        }

        var eventTypes = Array(document, "event_types", "$").Select((node, i) => EventType(node, $"$.event_types[{i}]")).ToList();
        var traits = Array(document, "traits", "$").Select((node, i) => Trait(node, $"$.traits[{i}]")).ToList();
        var scores = Array(document, "scores", "$").Select((node, i) => Name(node, $"$.scores[{i}]")).ToList();
        Unique(eventTypes.Select(e => e.Name), "$.event_types", "event type");
        Unique(traits.Select(t => t.Name), "$.traits", "trait");
        Unique(scores, "$.scores", "score");
        return new WorkspaceSchema(eventTypes, traits, scores);
    }

    public static string Serialize(WorkspaceSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var document = new JsonObject
        {
            ["event_types"] = new JsonArray([.. schema.EventTypes.OrderBy(e => e.Name, StringComparer.Ordinal).Select(e => (JsonNode)new JsonObject
            {
                ["name"] = e.Name,
                ["properties"] = new JsonArray([.. e.Properties.Select(p => (JsonNode)new JsonObject
                {
                    ["name"] = p.Name,
                    ["type"] = TypeName(p.Type),
                    ["tracked"] = p.Tracked,
                })]),
            })]),
            ["traits"] = new JsonArray([.. schema.Traits.OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => (JsonNode)new JsonObject
            {
                ["name"] = t.Name,
                ["type"] = TypeName(t.Type),
            })]),
            ["scores"] = new JsonArray([.. schema.Scores.Order(StringComparer.Ordinal).Select(s => (JsonNode)JsonValue.Create(s))]),
        };
        return document.ToJsonString();
    }

    private static EventTypeDefinition EventType(JsonNode? node, string path)
    {
        var obj = node as JsonObject ?? throw new SchemaJsonException($"{path}: expected an object with name and properties");
        var name = Text(obj, "name", path);
        if (Identifiers.CheckEventType(name, MaxNameLength) is { } problem)
        {
            throw new SchemaJsonException($"{path}.name: {problem}");
        }

        var properties = Array(obj, "properties", path).Select((p, i) => Property(p, $"{path}.properties[{i}]")).ToList();
        Unique(properties.Select(p => p.Name), $"{path}.properties", "property");
        var numbers = properties.Count(p => p.Type == DataType.Number);
        if (numbers > EventTypeModel.MaxNumericSlots)
        {
            throw new SchemaJsonException($"{path}.properties: at most {EventTypeModel.MaxNumericSlots} number properties per event type are kept (got {numbers})");
        }

        return new EventTypeDefinition(name, properties);
    }

    private static PropertyDefinition Property(JsonNode? node, string path)
    {
        var obj = node as JsonObject ?? throw new SchemaJsonException($"{path}: expected an object with name, type and tracked");
        var name = Text(obj, "name", path);
        if (Identifiers.CheckPropertyName(name, MaxNameLength) is { } problem)
        {
            throw new SchemaJsonException($"{path}.name: {problem}");
        }

        var type = Type(Text(obj, "type", path), $"{path}.type", DataType.String, DataType.Number, DataType.Bool);
        var tracked = obj["tracked"] switch
        {
            null => false,
            JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
            _ => throw new SchemaJsonException($"{path}.tracked: expected true or false"),
        };
        if (tracked && type == DataType.Bool)
        {
            throw new SchemaJsonException($"{path}.tracked: only string properties (per value) and number properties (per time bucket) can be tracked");
        }

        return new PropertyDefinition(name, type, tracked);
    }

    private static TraitDefinition Trait(JsonNode? node, string path)
    {
        var obj = node as JsonObject ?? throw new SchemaJsonException($"{path}: expected an object with name and type");
        var name = Text(obj, "name", path);
        if (Identifiers.CheckPropertyName(name, MaxNameLength) is { } problem)
        {
            throw new SchemaJsonException($"{path}.name: {problem}");
        }

        return new TraitDefinition(name, Type(Text(obj, "type", path), $"{path}.type", DataType.String, DataType.Number, DataType.Bool, DataType.Timestamp, DataType.StringList));
    }

    private static DataType Type(string name, string path, params DataType[] allowed)
    {
        var type = allowed.FirstOrDefault(t => TypeName(t) == name);
        return type != 0 ? type : throw new SchemaJsonException($"{path}: unknown type '{name}'; expected {string.Join(", ", allowed.Select(TypeName))}");
    }

    private static string TypeName(DataType type) => type switch
    {
        DataType.String => "string",
        DataType.Number => "number",
        DataType.Bool => "bool",
        DataType.Timestamp => "timestamp",
        DataType.StringList => "string_list",
        _ => "duration",
    };

    private static JsonArray Array(JsonObject obj, string key, string path) => obj[key] switch
    {
        null => [],
        JsonArray array => array,
        _ => throw new SchemaJsonException($"{path}.{key}: expected an array"),
    };

    private static string Text(JsonObject obj, string key, string path) =>
        obj[key] is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : throw new SchemaJsonException($"{path}.{key}: expected a string");

    private static string Name(JsonNode? node, string path)
    {
        var name = node is JsonValue value && value.TryGetValue<string>(out var text) ? text : throw new SchemaJsonException($"{path}: expected a string");
        return Identifiers.CheckPropertyName(name, MaxNameLength) is { } problem ? throw new SchemaJsonException($"{path}: {problem}") : name;
    }

    private static void Unique(IEnumerable<string> names, string path, string what)
    {
        if (names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new SchemaJsonException($"{path}: {what} '{duplicate.Key}' is declared twice");
        }
    }
}
