using System.Globalization;
using ActorSegments.Domain.Validation;
using ActorSegments.Protos.V1;

namespace ActorSegments.Server.Grpc;

/// <summary>
/// A problem with one event of a request: the event's index in its list (-1 for a request's single event), the field
/// inside the event (empty for the event itself) and what was expected. Kept as data until the answer is written, where
/// it becomes a located field (<c>events[3].type</c>) or a stream's rejection (<c>{index: 3, field: "type"}</c>).
/// </summary>
internal readonly record struct EventViolation(int Index, string Field, string Description)
{
    public EventViolation(int index, FieldViolation violation)
        : this(index, violation.Field, violation.Description)
    {
    }

    /// <summary>The violation named by its path in the request: <c>events[3].type</c>, <c>event.type</c>, <c>events[3]</c>.</summary>
    public FieldViolation Located(string list)
    {
        var location = Index < 0 ? list : string.Create(CultureInfo.InvariantCulture, $"{list}[{Index}]");
        return new FieldViolation(Field.Length == 0 ? location : $"{location}.{Field}", Description);
    }

    /// <summary>The violation as a stream acknowledgement lists it.</summary>
    public EventRejection ToRejection() => new() { Index = Index, Field = Field, Description = Description };
}
