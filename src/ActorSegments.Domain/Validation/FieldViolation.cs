namespace ActorSegments.Domain.Validation;

/// <summary>One rejected field: where it is (a path such as <c>events[3].customer_id</c>) and what was expected.</summary>
public sealed record FieldViolation(string Field, string Description)
{
    /// <summary>The same violation located under a parent path, e.g. <c>event</c> or <c>events[3]</c>.</summary>
    public FieldViolation Under(string parent) => this with { Field = $"{parent}.{Field}" };

    public override string ToString() => $"{Field}: {Description}";
}
