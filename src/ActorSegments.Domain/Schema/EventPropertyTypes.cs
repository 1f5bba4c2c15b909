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

        foreach (var property in declared.Properties)
        {
            if (evt.Properties.TryGetValue(property.Name, out var value) && KindOf(property.Type) is { } expected && value.Kind != expected)
            {
                violations.Add(new FieldViolation(
                    $"properties[\"{property.Name}\"]",
                    $"expected a {Describe(expected)} (the workspace schema declares {evt.Type}.{property.Name} as {Describe(expected)}), got a {Describe(value.Kind)}"));
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
