using System.Collections.Frozen;

namespace ActorSegments.Domain.Modeling.Content;

/// <summary>
/// Words of an item's text, as scikit-learn's TfidfVectorizer reads them with <c>lowercase=True</c>,
/// <c>token_pattern=r"(?u)[^\W_]{2,}"</c> and <c>stop_words=ContentTokenizer.StopWords</c>: lower-cased, split on
/// every character that is not a letter or digit, tokens shorter than 2 characters and the stop words dropped. (On
/// non-ASCII digits the two may differ: .NET's letters-or-digits and Python's alphanumerics are not the same set.)
/// </summary>
public static class ContentTokenizer
{
    /// <summary>Function words that say nothing about a product; kept short so "set", "box" and "red" stay.</summary>
    public static FrozenSet<string> StopWords { get; } = FrozenSet.Create(
        StringComparer.Ordinal,
        "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "in", "is", "it", "of", "on", "or", "the", "to", "with");

    public static List<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Lower-cased once, not per token: one string per token instead of two (training tokenizes every item).
        text = text.ToLowerInvariant();
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                start = start < 0 ? i : start;
                continue;
            }

            if (start >= 0 && i - start >= 2)
            {
                var token = text[start..i];
                if (!StopWords.Contains(token))
                {
                    tokens.Add(token);
                }
            }

            start = -1;
        }

        return tokens;
    }
}
