using System.Globalization;
using ActorSegments.Domain.Modeling;

namespace ActorSegments.ML.Labeling;

/// <summary>
/// Names cohorts from their strongest contrasts with everyone, in plain code: up to two adjectives and a noun phrase
/// (e.g. "Lapsed Big Spenders", "Loyal Email Fans"), and a sentence with the cohort's figures against everyone's,
/// each saying whether it is a median or a mean. The same profiles always get the same labels.
/// </summary>
/// <remarks>
/// Names in one call say different things: a name means the set of contrasts its words stand for ("Recent
/// Big-Spending Repeat Buyers" and "Big-Spending Recent Repeat Buyers" both mean recent, high spend, high frequency), and
/// a cohort whose best name means what an earlier cohort's name means takes its next candidate, which keeps its
/// strongest contrasts and brings in its next most distinctive one (the candidates run through the contrasts in order
/// of strength). Only when every candidate is taken does a number tell them apart.
/// </remarks>
public sealed class DeterministicCohortLabeler : ICohortLabeler
{
    public const string Source = "rules";

    /// <summary>A contrast counts from this many population standard deviations on.</summary>
    private const double Notable = 0.5;

    /// <summary>Figures in a description: the strongest contrasts.</summary>
    private const int Figures = 3;

    public Task<IReadOnlyList<CohortLabel>> LabelAsync(IReadOnlyList<CohortProfile> cohorts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cohorts);
        var takenWords = new HashSet<string>(StringComparer.Ordinal);
        var takenMeanings = new HashSet<string>(StringComparer.Ordinal);
        var labels = new CohortLabel[cohorts.Count];
        for (var i = 0; i < cohorts.Count; i++)
        {
            var contrasts = NotableContrasts(cohorts[i]);
            var candidates = Names(contrasts).Take(50).ToList();
            var name = candidates.FirstOrDefault(c => !takenMeanings.Contains(c.Meaning) && !takenWords.Contains(Words(c.Text))).Text
                ?? Enumerable.Range(2, int.MaxValue - 2).Select(n => $"{candidates[0].Text} {n}").First(n => !takenWords.Contains(Words(n)));
            takenWords.Add(Words(name));
            takenMeanings.Add(candidates.FirstOrDefault(c => c.Text == name).Meaning ?? name);
            labels[i] = new CohortLabel(name, Description(cohorts[i], contrasts), Source);
        }

        return Task.FromResult<IReadOnlyList<CohortLabel>>(labels);
    }

    private static FeatureContrast[] NotableContrasts(CohortProfile cohort) =>
        [.. cohort.Features.Where(f => Math.Abs(f.ZScore) >= Notable).OrderByDescending(f => Math.Abs(f.ZScore)).ThenBy(f => f.Name, StringComparer.Ordinal)];

    private static Term? TermOf(FeatureContrast contrast)
    {
        var words = FeatureVocabulary.For(contrast.Name);
        return contrast.ZScore > 0 ? words.High : words.Low;
    }

    /// <summary>"recency_days-" for a cohort low on recency: one contrast a name's words stand for.</summary>
    private static string Claim(FeatureContrast contrast) => contrast.Name + (contrast.ZScore > 0 ? "+" : "-");

    /// <summary>
    /// Candidate names, best first, each with its meaning (the contrasts its words stand for, in a fixed order): the
    /// noun of the strongest contrast that has one (or "Customers"), with the adjectives of the two strongest other
    /// contrasts; then other pairs and single adjectives, then other nouns.
    /// </summary>
    private static IEnumerable<(string Text, string Meaning)> Names(FeatureContrast[] contrasts)
    {
        var nouns = contrasts.Where(c => TermOf(c)?.Noun is not null).Select(c => (Contrast: (FeatureContrast?)c, Noun: TermOf(c)!.Noun!))
            .Append((Contrast: null, Noun: "Customers"));
        foreach (var (nounContrast, noun) in nouns)
        {
            // An adjective the noun already holds ("Frequent" before "Frequent Browsers") would say a word twice.
            var adjectives = contrasts.Where(c => c != nounContrast && TermOf(c)?.Adjective is not null)
                .Select(c => (Contrast: c, Word: TermOf(c)!.Adjective!)).DistinctBy(a => a.Word)
                .Where(a => !noun.Split(' ').Contains(a.Word, StringComparer.Ordinal)).ToArray();
            for (var first = 0; first < adjectives.Length; first++)
            {
                for (var second = first + 1; second < adjectives.Length; second++)
                {
                    yield return ($"{adjectives[first].Word} {adjectives[second].Word} {noun}", Meaning(nounContrast, adjectives[first].Contrast, adjectives[second].Contrast));
                }

                yield return ($"{adjectives[first].Word} {noun}", Meaning(nounContrast, adjectives[first].Contrast));
            }

            yield return (noun.Contains(' ', StringComparison.Ordinal) ? noun : "Typical " + noun, Meaning(nounContrast));
        }
    }

    /// <summary>A name's words as a set ("Recent Big-Spending Repeat Buyers" = "Big-Spending Recent Repeat Buyers").</summary>
    private static string Words(string name) =>
        string.Join(' ', name.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().Order(StringComparer.Ordinal));

    private static string Meaning(params FeatureContrast?[] contrasts) =>
        string.Join(' ', contrasts.OfType<FeatureContrast>().Select(Claim).Order(StringComparer.Ordinal));

    /// <summary>
    /// "12% of customers; median 310 days since the last purchase vs 95 for all customers, mean 6.2 orders vs 1.8."
    /// Medians where the cohort's differs from everyone's, since a mean of skewed amounts is pulled by a few very large
    /// customers and can contradict the name ("big spenders" with a mean below everyone's); means where the medians
    /// tie (a median of 0 active days on both sides says nothing). The statistic is named, since the same output often
    /// shows other summaries (the RFM table's medians) beside it.
    /// </summary>
    private static string Description(CohortProfile cohort, FeatureContrast[] contrasts)
    {
        var share = cohort.Share.ToString("0%", CultureInfo.InvariantCulture);
        if (contrasts.Length == 0)
        {
            return $"{share} of customers; close to the average on every feature.";
        }

        var figures = contrasts.Take(Figures).Select((c, i) =>
        {
            var words = FeatureVocabulary.For(c.Name);
            var (statistic, value, everyone) = c.Median != c.PopulationMedian ? ("median", c.Median, c.PopulationMedian) : ("mean", c.Mean, c.PopulationMean);
            return $"{statistic} {words.Describe(value)} vs {FeatureVocabulary.Format(everyone, words.Figure)}{(i == 0 ? " for all customers" : "")}";
        });
        return $"{share} of customers; {string.Join(", ", figures)}.";
    }
}
