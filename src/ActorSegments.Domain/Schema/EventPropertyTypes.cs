using ActorSegments.Domain.Events;
using ActorSegments.Domain.Validation;

namespace ActorSegments.Domain.Schema;

/// <summary>
/// Checks an event's property values against the types its workspace schema declares for the event type. A value of
/// another type would be kept out of aggregates without a word (a purchase's revenue sent as text never counts toward
/// monetary value), so it is refused instead. Undeclared event types and properties are accepted as they come.
/// </summary>
public static class EventPropertyTypes
{
    public static void Check(WorkspaceSchema schema, CustomerEvent evt, ICollection<FieldViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(evt);
        ArgumentNullException.ThrowIfNull(violations);
        if (evt.Properties.Count == 0 || schema.EventType(evt.Type) is not { } declared)
        {
            return;
        }

        // Runs for every event of every request: the event's few properties are walked (enumerated as the Dictionary
        // the mapped events carry, no enumerator boxed) and each is looked for in the type's short declared list.
        if (evt.Properties is Dictionary<string, PropertyValue> dictionary)
        {
            foreach (var (name, value) in dictionary)
            {
                CheckProperty(declared, name, value, evt.Type, violations);
            }

            return;
        }

        foreach (var (name, value) in evt.Properties)
        {
            CheckProperty(declared, name, value, evt.Type, violations);
        }
    }

    private static void CheckProperty(EventTypeDefinition declared, string name, PropertyValue value, string eventType, ICollection<FieldViolation> violations)
    {
        var properties = declared.Properties;
        for (var i = 0; i < properties.Count; i++)
        {
            if (string.Equals(properties[i].Name, name, StringComparison.Ordinal))
            {
                if (KindOf(properties[i].Type) is { } expected && value.Kind != expected)
                {
                    violations.Add(new FieldViolation(
                        $"properties[\"{name}\"]",
                        $"expected a {Describe(expected)} (the workspace schema declares {eventType}.{name} as {Describe(expected)}), got a {Describe(value.Kind)}"));
                }

                return;
            }
        }
    }

    private static PropertyKind? KindOf(DataType type) => type switch
    {
        DataType.String => PropertyKind.String,
        DataType.Number => PropertyKind.Number,
        DataType.Bool => PropertyKind.Bool,
        _ => null, // event properties are declared only as string, number or bool
    };

    private static string Describe(PropertyKind kind) => kind switch
    {
        PropertyKind.String => "string",
        PropertyKind.Number => "number",
        _ => "boolean",
    };
}
