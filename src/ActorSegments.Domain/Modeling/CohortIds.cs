using System.Globalization;

namespace ActorSegments.Domain.Modeling;

/// <summary>
/// Cohort ids: <c>cohort-1</c>, <c>cohort-2</c>, ... (lower-case letters, digits and a hyphen, so valid wherever a
/// segment id or a rule string literal is). A number is never issued twice in a workspace: a cohort that disappears
/// takes its id with it, so a rule naming it never silently starts matching another group of customers.
/// </summary>
public static class CohortIds
{
    public const string Prefix = "cohort-";

    public static string Format(int number)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        return Prefix + number.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The number of an id of this shape (no sign, no leading zero), or false for any other id.</summary>
    public static bool TryParse(string? id, out int number)
    {
        number = 0;
        if (id is null || !id.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var digits = id.AsSpan(Prefix.Length);
        return digits.Length > 0 && digits[0] != '0' && !digits.ContainsAnyExceptInRange('0', '9')
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>The highest number among <paramref name="ids"/>, or 0 when none has this shape.</summary>
    public static int Highest(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var highest = 0;
        foreach (var id in ids)
        {
            if (TryParse(id, out var number) && number > highest)
            {
                highest = number;
            }
        }

        return highest;
    }
}
