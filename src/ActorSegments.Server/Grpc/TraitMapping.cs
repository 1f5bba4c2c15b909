using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Schema;
using ActorSegments.Domain.Validation;
using ActorSegments.Protos.V1;
using Google.Protobuf.WellKnownTypes;

namespace ActorSegments.Server.Grpc;

/// <summary>Maps an identify call to the journal's trait update, reporting every problem by field.</summary>
internal static class TraitMapping
{
    private const int MaxListItems = 100;

    /// <summary>The trait update, or null after adding violations.</summary>
    public static TraitUpdate? Map(IdentifyRequest request, DateTimeOffset now, EventLimits limits, WorkspaceSchema schema, List<FieldViolation> violations)
    {
        var before = violations.Count;
        violations.AddIfProblem("workspace_id", Identifiers.CheckWorkspaceId(request.WorkspaceId, limits.MaxWorkspaceIdLength));
        violations.AddIfProblem("customer_id", Identifiers.CheckOpaqueId(request.CustomerId, limits.MaxCustomerIdLength));
        if (request.UpdateId.Length > 0)
        {
            violations.AddIfProblem("update_id", Identifiers.CheckOpaqueId(request.UpdateId, limits.MaxEventIdLength));
        }

        var at = request.OccurredAt is null ? now : request.OccurredAt.ToDateTimeOffset();
        if (at > now + limits.MaxFutureSkew || at < limits.EarliestOccurredAt)
        {
            violations.Add(new FieldViolation("occurred_at", $"must be between {limits.EarliestOccurredAt:O} and {limits.MaxFutureSkew.TotalSeconds:0}s after server time {now:O} (got {at:O})"));
        }

        if (request.Traits.Count is 0 || request.Traits.Count > limits.MaxProperties)
        {
            violations.Add(new FieldViolation("traits", $"1 to {limits.MaxProperties} traits are accepted (got {request.Traits.Count})"));
        }

        var traits = new Dictionary<string, TraitValue?>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Traits)
        {
            var field = $"traits[\"{Identifiers.Shorten(name)}\"]";
            TraitValue? trait = null;
            var problem = Identifiers.CheckPropertyName(name, limits.MaxPropertyNameLength) ?? Read(value, limits, out trait);
            var declared = schema.Trait(name)?.Type;
            if (problem is null && trait is not null)
            {
                problem = TraitTypes.Check(trait, declared);
            }

            violations.AddIfProblem(field, problem);
            // Recorded typed: RFC 3339 text of a trait the schema declares a timestamp is stored as the timestamp.
            traits[name] = problem is null ? TraitTypes.AsDeclared(trait, declared) : null;
        }

        var updateId = request.UpdateId.Length > 0 ? request.UpdateId : $"identify-{Guid.NewGuid():N}";
        return violations.Count == before ? new TraitUpdate(updateId, at, traits) : null;
    }

    private static string? Read(Value value, EventLimits limits, out TraitValue? trait)
    {
        trait = null;
        switch (value.KindCase)
        {
            case Value.KindOneofCase.NullValue:
                return null;
            case Value.KindOneofCase.StringValue:
                trait = TraitValue.Of(value.StringValue);
                return EventValidator.CheckText(value.StringValue, limits);
            case Value.KindOneofCase.NumberValue:
                trait = TraitValue.Of(value.NumberValue);
                return double.IsFinite(value.NumberValue) ? null : "numbers must be finite";
            case Value.KindOneofCase.BoolValue:
                trait = TraitValue.Of(value.BoolValue);
                return null;
            case Value.KindOneofCase.ListValue:
                var items = value.ListValue.Values;
                if (items.Count > MaxListItems)
                {
                    return $"lists may hold at most {MaxListItems} strings (got {items.Count})";
                }

                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i].KindCase != Value.KindOneofCase.StringValue)
                    {
                        return $"lists hold strings only; item [{i}] is {Describe(items[i].KindCase)}";
                    }
                }

                trait = TraitValue.Of(items.Select(i => i.StringValue));
                return items.Select(i => EventValidator.CheckText(i.StringValue, limits)).FirstOrDefault(p => p is not null);
            default:
                return "objects are not accepted; send a string, number, boolean, list of strings, or null to remove the trait";
        }
    }

    private static string Describe(Value.KindOneofCase kind) => kind switch
    {
        Value.KindOneofCase.NumberValue => "a number",
        Value.KindOneofCase.BoolValue => "a boolean",
        Value.KindOneofCase.NullValue => "null",
        Value.KindOneofCase.ListValue => "a list",
        Value.KindOneofCase.StructValue => "an object",
        _ => "empty",
    };
}
