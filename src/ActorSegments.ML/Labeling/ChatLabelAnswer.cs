using System.Text.Json;
using ActorSegments.Domain.Modeling;

namespace ActorSegments.ML.Labeling;

/// <summary>
/// Reads a language model's answer: a JSON array of {name, description}, possibly inside a Markdown code fence. An
/// answer is taken whole or not at all; the reason says what was wrong, for the log.
/// </summary>
internal static class ChatLabelAnswer
{
    public const int MaximumName = 40;
    public const int MaximumDescription = 200;

    public static IReadOnlyList<CohortLabel>? Parse(string? text, int expected, string source, out string? problem)
    {
        var start = text?.IndexOf('[', StringComparison.Ordinal) ?? -1;
        var end = text?.LastIndexOf(']') ?? -1;
        if (start < 0 || end < start)
        {
            problem = "the answer holds no JSON array";
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text.AsMemory(start, end - start + 1));
            var items = document.RootElement.EnumerateArray().ToArray();
            if (items.Length != expected)
            {
                problem = $"the answer has {items.Length} labels for {expected} cohorts";
                return null;
            }

            var labels = items.Select(item => new CohortLabel(Text(item, "name"), Text(item, "description"), source)).ToArray();
            problem = labels.Select(Problem).FirstOrDefault(p => p is not null)
                ?? (labels.Select(l => l.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() < labels.Length ? "two cohorts have the same name" : null);
            return problem is null ? labels : null;
        }
        catch (JsonException exception)
        {
            problem = $"the answer is not valid JSON ({exception.Message})";
            return null;
        }
    }

    private static string Text(JsonElement item, string property)
    {
        if (item.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in item.EnumerateObject())
            {
                if (string.Equals(member.Name, property, StringComparison.OrdinalIgnoreCase) && member.Value.ValueKind == JsonValueKind.String)
                {
                    return member.Value.GetString()!.Trim();
                }
            }
        }

        return string.Empty;
    }

    private static string? Problem(CohortLabel label)
    {
        if (label.Name.Length == 0 || label.Description.Length == 0)
        {
            return "a label lacks a name or a description";
        }

        if (label.Name.Length > MaximumName || label.Description.Length > MaximumDescription)
        {
            return $"a name is over {MaximumName} or a description over {MaximumDescription} characters: \"{label.Name}\"";
        }

        if (label.Name.Any(char.IsControl) || label.Description.Any(char.IsControl))
        {
            return $"the label \"{label.Name}\" holds control characters";
        }

        return MoreThanOneSentence(label.Description) ? $"the description of \"{label.Name}\" is more than one sentence" : null;
    }

    /// <summary>A sentence end (., ! or ?) followed by a space and a capital letter: another sentence starts.</summary>
    private static bool MoreThanOneSentence(string text)
    {
        for (var i = 0; i + 2 < text.Length; i++)
        {
            if (text[i] is '.' or '!' or '?' && text[i + 1] == ' ' && char.IsUpper(text[i + 2]))
            {
                return true;
            }
        }

        return false;
    }
}
