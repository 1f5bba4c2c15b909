using ActorSegments.Domain.Events;

namespace ActorSegments.Domain.Validation;

/// <summary>
/// Checks one incoming event against <see cref="EventLimits"/>. Every problem is reported (not just the first) with
/// the field it belongs to, so a client can fix a whole batch in one round trip.
/// </summary>
public static class EventValidator
{
    public static void Validate(
        string? workspaceId,
        string? customerId,
        CustomerEvent evt,
        DateTimeOffset now,
        EventLimits limits,
        ICollection<FieldViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(evt);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(violations);

        violations.AddIfProblem("workspace_id", Identifiers.CheckWorkspaceId(workspaceId, limits.MaxWorkspaceIdLength));
        violations.AddIfProblem("customer_id", Identifiers.CheckOpaqueId(customerId, limits.MaxCustomerIdLength));
        violations.AddIfProblem("event_id", Identifiers.CheckOpaqueId(evt.EventId, limits.MaxEventIdLength));
        violations.AddIfProblem("type", Identifiers.CheckEventType(evt.Type, limits.MaxEventTypeLength));
        violations.AddIfProblem("occurred_at", CheckOccurredAt(evt.OccurredAt, now, limits));
        ValidateProperties(evt.Properties, limits, violations);
    }

    private static string? CheckOccurredAt(DateTimeOffset occurredAt, DateTimeOffset now, EventLimits limits)
    {
        if (occurredAt == default)
        {
            return "is required";
        }

        var latest = now + limits.MaxFutureSkew;
        if (occurredAt > latest)
        {
            return $"is {(occurredAt - now).TotalSeconds:0}s in the future; at most {limits.MaxFutureSkew.TotalSeconds:0}s of clock skew is accepted (server time {now:O})";
        }

        return occurredAt < limits.EarliestOccurredAt
            ? $"must not be earlier than {limits.EarliestOccurredAt:O} (got {occurredAt:O})"
            : null;
    }

    private static void ValidateProperties(
        IReadOnlyDictionary<string, PropertyValue> properties,
        EventLimits limits,
        ICollection<FieldViolation> violations)
    {
        if (properties.Count > limits.MaxProperties)
        {
            violations.Add(new FieldViolation("properties", $"at most {limits.MaxProperties} properties are accepted (got {properties.Count})"));
            return;
        }

        // The mapped events carry a Dictionary: enumerated as one, the enumerator is not boxed for every event.
        if (properties is Dictionary<string, PropertyValue> dictionary)
        {
            foreach (var (name, value) in dictionary)
            {
                ValidateProperty(name, value, limits, violations);
            }

            return;
        }

        foreach (var (name, value) in properties)
        {
            ValidateProperty(name, value, limits, violations);
        }
    }

    private static void ValidateProperty(string name, PropertyValue value, EventLimits limits, ICollection<FieldViolation> violations)
    {
        var nameProblem = Identifiers.CheckPropertyName(name, limits.MaxPropertyNameLength);
        var valueProblem = value.Kind switch
        {
            PropertyKind.String => CheckText(value.Text!, limits),
            PropertyKind.Number when !double.IsFinite(value.Number) => "numbers must be finite",
            _ => null,
        };

        // The field's name is spelled out only for a problem: this runs for every property of every event.
        if (nameProblem is not null || valueProblem is not null)
        {
            var field = $"properties[\"{Identifiers.Shorten(name)}\"]";
            violations.AddIfProblem(field, nameProblem);
            violations.AddIfProblem(field, valueProblem);
        }
    }

    /// <summary>
    /// A string property or trait value: at most the configured length, and no control characters other than tab,
    /// line feed and carriage return (they have no place in marketing data, and the journal reserves some of them).
    /// </summary>
    public static string? CheckText(string text, EventLimits limits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(limits);
        if (text.Length > limits.MaxPropertyStringLength)
        {
            return $"string values must be at most {limits.MaxPropertyStringLength} characters (got {text.Length})";
        }

        var control = text.AsSpan().IndexOfAnyInRange('\u0000', '\u001f');
        while (control >= 0 && text[control] is '\t' or '\n' or '\r')
        {
            var next = text.AsSpan(control + 1).IndexOfAnyInRange('\u0000', '\u001f');
            control = next < 0 ? -1 : control + 1 + next;
        }

        return control < 0 ? null : $"must not contain control characters (found U+{(int)text[control]:X4} at index {control}); only tab, line feed and carriage return are allowed";
    }
}
