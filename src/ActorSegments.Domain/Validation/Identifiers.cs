using System.Buffers;

namespace ActorSegments.Domain.Validation;

/// <summary>
/// The shapes of the names and ids the system accepts. Each check returns null when the value is acceptable, or a
/// sentence saying what was expected.
/// </summary>
public static class Identifiers
{
    // Checked on every event of every request, so as span searches: a LINQ test over a string boxed an enumerator
    // and a delegate per value.
    private const string LowerAlphanumerics = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static readonly SearchValues<char> WorkspaceIdChars = SearchValues.Create(LowerAlphanumerics + "-_");
    private static readonly SearchValues<char> EventTypeChars = SearchValues.Create(LowerAlphanumerics + "_");
    private static readonly SearchValues<char> PropertyNameChars = SearchValues.Create(LowerAlphanumerics + "ABCDEFGHIJKLMNOPQRSTUVWXYZ_");

    /// <summary>Workspace ids: lower-case letters, digits, '-' and '_', starting with a letter or digit.</summary>
    public static string? CheckWorkspaceId(string? value, int maxLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "is required";
        }

        if (value.Length > maxLength)
        {
            return $"must be at most {maxLength} characters (got {value.Length})";
        }

        if (!IsLowerAlphanumeric(value[0]) || value.AsSpan().ContainsAnyExcept(WorkspaceIdChars))
        {
            return $"expected lower-case letters, digits, '-' or '_', starting with a letter or digit (got \"{Shorten(value)}\")";
        }

        return null;
    }

    /// <summary>Segment ids have the shape of workspace ids (they appear in keys, URLs and list names).</summary>
    public static string? CheckSegmentId(string? value, int maxLength) => CheckWorkspaceId(value, maxLength);

    /// <summary>Customer and event ids are opaque client strings: any printable text, no control characters.</summary>
    public static string? CheckOpaqueId(string? value, int maxLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "is required";
        }

        if (value.Length > maxLength)
        {
            return $"must be at most {maxLength} characters (got {value.Length})";
        }

        // char.IsControl's ranges: C0, DEL and C1.
        if (value.AsSpan().ContainsAnyInRange('\u0000', '\u001f') || value.AsSpan().ContainsAnyInRange('\u007f', '\u009f'))
        {
            return "must not contain control characters";
        }

        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return "must not start or end with whitespace";
        }

        return null;
    }

    /// <summary>Event types are snake_case: a lower-case letter, then lower-case letters, digits or '_'.</summary>
    public static string? CheckEventType(string? value, int maxLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "is required";
        }

        if (value.Length > maxLength)
        {
            return $"must be at most {maxLength} characters (got {value.Length})";
        }

        if (!char.IsAsciiLetterLower(value[0]) || value.AsSpan().ContainsAnyExcept(EventTypeChars))
        {
            return $"expected a snake_case event type such as \"product_viewed\" (got \"{Shorten(value)}\")";
        }

        return null;
    }

    /// <summary>Property names are identifiers the rule language can spell: letters, digits and '_', not starting with a digit.</summary>
    public static string? CheckPropertyName(string? value, int maxLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "property name is required";
        }

        if (value.Length > maxLength)
        {
            return $"property name must be at most {maxLength} characters (got {value.Length})";
        }

        if (!(char.IsAsciiLetter(value[0]) || value[0] == '_') || value.AsSpan().ContainsAnyExcept(PropertyNameChars))
        {
            return $"expected a property name of letters, digits and '_' not starting with a digit (got \"{Shorten(value)}\")";
        }

        return null;
    }

    private static bool IsLowerAlphanumeric(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);

    /// <summary>Echoes at most a short prefix of a bad value, so an error never carries a megabyte of input.</summary>
    public static string Shorten(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "…");
}
