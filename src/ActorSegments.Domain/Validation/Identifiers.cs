using System.Buffers;
using System.Globalization;
using System.Text;

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
    private static readonly SearchValues<char> SnakeCaseChars = SearchValues.Create(LowerAlphanumerics + "_");
    private static readonly SearchValues<char> PropertyNameChars = SearchValues.Create(LowerAlphanumerics + "ABCDEFGHIJKLMNOPQRSTUVWXYZ_");

    /// <summary>
    /// Workspace ids: lower-case letters, digits, '-' and '_', starting with a letter or digit (ids such as "0shop"
    /// have always been accepted and may be stored, so the rule stays as it has been enforced).
    /// </summary>
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

    /// <summary>
    /// Customer, event and update ids are opaque client strings: any text that shows what it holds. Refused are control
    /// characters (Unicode category Cc), format characters (Cf: bidi overrides and isolates, zero-width spaces and
    /// joiners, the byte order mark), line and paragraph separators (Zl, Zp), unpaired surrogates and noncharacters
    /// (U+FDD0 to U+FDEF and every code point ending in FFFE or FFFF), and whitespace at either end: two ids that look
    /// the same must be the same id, and an id must not reorder the text around it in an export or a log.
    /// </summary>
    public static string? CheckOpaqueId(string? value, int maxLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "is required";
        }

        if (LengthOrControlProblem(value, maxLength) is { } problem)
        {
            return problem;
        }

        // Printable ASCII, nearly every id, needs no code point walk.
        if (value.AsSpan().ContainsAnyExceptInRange(' ', '~') && HiddenCharacter(value) is { } hidden)
        {
            return hidden;
        }

        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return "must not start or end with whitespace";
        }

        return null;
    }

    /// <summary>
    /// The looser rule for reading an id back: required, at most <paramref name="maxLength"/> characters, no control
    /// characters. Ids stored before <see cref="CheckOpaqueId"/> refused invisible characters stay readable.
    /// </summary>
    public static string? CheckOpaqueIdForLookup(string? value, int maxLength) =>
        string.IsNullOrEmpty(value) ? "is required" : LengthOrControlProblem(value, maxLength);

    private static string? LengthOrControlProblem(string value, int maxLength)
    {
        if (value.Length > maxLength)
        {
            return $"must be at most {maxLength} characters (got {value.Length})";
        }

        // char.IsControl's ranges: C0, DEL and C1.
        return value.AsSpan().ContainsAnyInRange('\u0000', '\u001f') || value.AsSpan().ContainsAnyInRange('\u007f', '\u009f')
            ? "must not contain control characters"
            : null;
    }

    private static string? HiddenCharacter(string value)
    {
        for (var i = 0; i < value.Length;)
        {
            if (Rune.DecodeFromUtf16(value.AsSpan(i), out var rune, out var length) != OperationStatus.Done)
            {
                return $"must not contain unpaired surrogates (found U+{(int)value[i]:X4} at index {i})";
            }

            var kind = Rune.GetUnicodeCategory(rune) switch
            {
                UnicodeCategory.Format => "an invisible format character (Cf), such as a bidi override or a zero-width space",
                UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => "a line or paragraph separator",
                _ when IsNoncharacter(rune.Value) => "a noncharacter",
                _ => null,
            };
            if (kind is not null)
            {
                return $"must not contain {kind} (found U+{rune.Value:X4} at index {i})";
            }

            i += length;
        }

        return null;
    }

    private static bool IsNoncharacter(int codePoint) => codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;

    /// <summary>Event types are snake_case: a lower-case letter, then lower-case letters, digits or '_'.</summary>
    public static string? CheckEventType(string? value, int maxLength) =>
        SnakeCaseProblem(value, maxLength, "a snake_case event type such as \"product_viewed\"");

    /// <summary>The longest experiment id.</summary>
    public const int MaxExperimentIdLength = 64;

    /// <summary>
    /// Experiment ids: a lower-case letter, then lower-case letters, digits or '_', at most
    /// <see cref="MaxExperimentIdLength"/> characters (they appear in rules, as in <c>experiment("spring_sale")</c>,
    /// and in journal record ids).
    /// </summary>
    public static string? CheckExperimentId(string? value) =>
        SnakeCaseProblem(value, MaxExperimentIdLength, "lower-case letters, digits and '_', starting with a letter, as in \"spring_sale\"");

    /// <summary>A lower-case letter, then lower-case letters, digits or '_'; <paramref name="expected"/> says it to the user.</summary>
    public static string? SnakeCaseProblem(string? value, int maxLength, string expected)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "is required";
        }

        if (value.Length > maxLength)
        {
            return $"must be at most {maxLength} characters (got {value.Length})";
        }

        if (!char.IsAsciiLetterLower(value[0]) || value.AsSpan().ContainsAnyExcept(SnakeCaseChars))
        {
            return $"expected {expected} (got \"{Shorten(value)}\")";
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
