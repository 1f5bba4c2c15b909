using System.Text.RegularExpressions;

namespace ActorSegments.Cli.Data.Import;

/// <summary>How a cell becomes a property value.</summary>
internal enum ImportValueType
{
    String,
    Number,
    Bool,
}

/// <summary>A column that becomes an event property, named after the column unless <paramref name="Name"/> says otherwise.</summary>
internal sealed record PropertyMapping(string Column, ImportValueType Type, string? Name = null)
{
    public string PropertyName => Name ?? Column;
}

/// <summary>Which columns of an arbitrary CSV make up an event.</summary>
internal sealed partial record ImportMapping
{
    /// <summary>Seconds since 1970-01-01 UTC, as an <see cref="OccurredAtFormat"/>.</summary>
    public const string UnixSeconds = "unix";

    /// <summary>Milliseconds since 1970-01-01 UTC, as an <see cref="OccurredAtFormat"/>.</summary>
    public const string UnixMilliseconds = "unix_ms";

    public required string CustomerIdColumn { get; init; }

    /// <summary>Null derives a stable id from the row's content, so importing the same file twice applies it once.</summary>
    public string? EventIdColumn { get; init; }

    /// <summary>The column holding each row's event type; set this or <see cref="Type"/>.</summary>
    public string? TypeColumn { get; init; }

    /// <summary>One event type for every row; set this or <see cref="TypeColumn"/>.</summary>
    public string? Type { get; init; }

    public required string OccurredAtColumn { get; init; }

    /// <summary>
    /// Null reads ISO 8601 (a missing offset means UTC); <see cref="UnixSeconds"/> or <see cref="UnixMilliseconds"/>
    /// read epoch numbers; anything else is a .NET custom format such as "dd/MM/yyyy HH:mm", also UTC unless it has an offset.
    /// </summary>
    public string? OccurredAtFormat { get; init; }

    public IReadOnlyList<PropertyMapping> Properties { get; init; } = [];

    /// <summary>Throws <see cref="ArgumentException"/> for a mapping no file could satisfy, before any row is read.</summary>
    public void Validate()
    {
        if ((TypeColumn is null) == (Type is null))
        {
            throw new ArgumentException("The mapping needs exactly one of a type column or a constant type.");
        }

        if (Properties.Count > MaxProperties)
        {
            throw new ArgumentException($"The mapping has {Properties.Count} properties; an event carries at most {MaxProperties}.");
        }

        var invalid = Properties.FirstOrDefault(p => !PropertyName().IsMatch(p.PropertyName));
        if (invalid is not null)
        {
            throw new ArgumentException(
                $"'{invalid.PropertyName}' (from column '{invalid.Column}') is not a property name: letters, digits and '_', not starting with a digit, at most 64 characters; give the property a name.");
        }

        var duplicate = Properties.GroupBy(p => p.PropertyName, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"The mapping names property '{duplicate.Key}' twice.");
        }
    }

    private const int MaxProperties = 64;

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,63}$")]
    private static partial Regex PropertyName();
}
