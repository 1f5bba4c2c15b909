using System.Globalization;

namespace ActorSegments.Domain.Events;

/// <summary>
/// A scalar property of an event: a string, a number or a boolean. Nested objects and lists are rejected at the
/// edge, so rules and aggregates only ever see these three shapes.
/// </summary>
public readonly record struct PropertyValue
{
    private PropertyValue(PropertyKind kind, string? text, double number)
    {
        Kind = kind;
        Text = text;
        Number = number;
    }

    public PropertyKind Kind { get; }

    /// <summary>The string value when <see cref="Kind"/> is <see cref="PropertyKind.String"/>.</summary>
    public string? Text { get; }

    /// <summary>The number when <see cref="Kind"/> is Number; 1 or 0 when it is Bool.</summary>
    public double Number { get; }

    public bool IsTrue => Kind == PropertyKind.Bool && Number != 0;

    public static PropertyValue Of(string text) => new(PropertyKind.String, text ?? throw new ArgumentNullException(nameof(text)), 0);

    public static PropertyValue Of(double number) => new(PropertyKind.Number, null, number);

    public static PropertyValue Of(bool flag) => new(PropertyKind.Bool, null, flag ? 1 : 0);

    public override string ToString() => Kind switch
    {
        PropertyKind.String => Text!,
        PropertyKind.Number => Number.ToString("R", CultureInfo.InvariantCulture),
        PropertyKind.Bool => IsTrue ? "true" : "false",
        _ => string.Empty,
    };
}
