namespace ActorSegments.Content.Model;

/// <summary><c>cart.*</c>: whether the cart holds anything, its value and items, and its last change.</summary>
internal sealed record TemplateCart(bool Open, double Value, double Items, DateTimeOffset? UpdatedAt);
