using System.ComponentModel;
using ActorSegments.Domain.Modeling;

namespace ActorSegments.ML.Labeling;

/// <summary>
/// What a language model is asked to answer (its JSON schema is sent with the request): one label per cohort, in the
/// order given. An answer is taken whole or not at all; <see cref="Check"/> says what was wrong, for the log.
/// </summary>
internal sealed record ChatLabelAnswer(
    [property: Description("One label per cohort, in the order the cohorts were given.")] IReadOnlyList<ChatLabel>? Labels)
{
    public const int MaximumName = 40;
    public const int MaximumDescription = 200;

    /// <summary>The labels when the answer is complete and every label is usable; otherwise null and why.</summary>
    public IReadOnlyList<CohortLabel>? Check(int expected, string source, out string? problem)
    {
        if (Labels is null)
        {
            problem = "the answer holds no labels";
            return null;
        }

        if (Labels.Count != expected)
        {
            problem = $"the answer has {Labels.Count} labels for {expected} cohorts";
            return null;
        }

        var labels = Labels.Select(l => new CohortLabel(l?.Name?.Trim() ?? string.Empty, l?.Description?.Trim() ?? string.Empty, source)).ToArray();
        problem = labels.Select(Problem).FirstOrDefault(p => p is not null)
            ?? (labels.Select(l => l.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() < labels.Length ? "two cohorts have the same name" : null);
        return problem is null ? labels : null;
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
