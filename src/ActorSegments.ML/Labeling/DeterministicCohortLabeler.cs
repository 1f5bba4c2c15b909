using System.Globalization;
using ActorSegments.Domain.Modeling;

namespace ActorSegments.ML.Labeling;

/// <summary>
/// Names cohorts from their strongest contrasts with everyone, in plain code: up to two adjectives and a noun phrase
/// (e.g. "Lapsed Big Spenders", "Loyal Email Fans"), and a sentence with the cohort's figures against the population's.
/// The same profiles always get the same labels; names are unique within a call (a cohort whose best name is taken
/// tries the other words its contrasts allow, in order, then a number).
/// </summary>
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
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var labels = new CohortLabel[cohorts.Count];
        for (var i = 0; i < cohorts.Count; i++)
        {
            var contrasts = NotableContrasts(cohorts[i]);
            var name = Names(contrasts).Take(50).FirstOrDefault(taken.Add)
                ?? Enumerable.Range(2, int.MaxValue - 2).Select(n => $"{Names(contrasts).First()} {n}").First(taken.Add);
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

    /// <summary>
    /// Candidate names, best first: the noun of the strongest contrast that has one (or "Customers"), with the
    /// adjectives of the two strongest other contrasts; then other pairs and single adjectives, then other nouns.
    /// </summary>
    private static IEnumerable<string> Names(FeatureContrast[] contrasts)
    {
        var nouns = contrasts.Select(c => (c.Name, Noun: TermOf(c)?.Noun)).Where(n => n.Noun is not null).Select(n => (n.Name, Noun: n.Noun!))
            .Append((Name: string.Empty, Noun: "Customers"));
        foreach (var (feature, noun) in nouns)
        {
            var adjectives = contrasts.Where(c => c.Name != feature).Select(c => TermOf(c)?.Adjective).OfType<string>().Distinct().ToArray();
            for (var first = 0; first < adjectives.Length; first++)
            {
                for (var second = first + 1; second < adjectives.Length; second++)
                {
                    yield return $"{adjectives[first]} {adjectives[second]} {noun}";
                }

                yield return $"{adjectives[first]} {noun}";
            }

            yield return noun.Contains(' ', StringComparison.Ordinal) ? noun : "Typical " + noun;
        }
    }

    private static string Description(CohortProfile cohort, FeatureContrast[] contrasts)
    {
        var share = cohort.Share.ToString("0%", CultureInfo.InvariantCulture);
        if (contrasts.Length == 0)
        {
            return $"{share} of customers; close to the average on every feature.";
        }

        // Each figure against everyone's: medians where they differ, since a mean of skewed amounts is pulled by a few
        // very large customers and can contradict the name ("big spenders" with a mean below everyone's); means where
        // the medians tie (a median of 0 active days on both sides says nothing).
        var figures = contrasts.Take(Figures).Select(c =>
        {
            var words = FeatureVocabulary.For(c.Name);
            var (value, overall) = c.Median != c.PopulationMedian ? (c.Median, c.PopulationMedian) : (c.Mean, c.PopulationMean);
            return $"{words.Describe(value)} ({FeatureVocabulary.Format(overall, words.Figure)} overall)";
        });
        return $"{share} of customers; {string.Join(", ", figures)}.";
    }
}
