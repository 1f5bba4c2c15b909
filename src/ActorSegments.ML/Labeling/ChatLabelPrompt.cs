using System.Globalization;
using System.Text;
using ActorSegments.Domain.Modeling;
using Microsoft.Extensions.AI;

namespace ActorSegments.ML.Labeling;

/// <summary>What a language model is told: the rules of the answer, and each cohort's share and most notable features.</summary>
internal static class ChatLabelPrompt
{
    /// <summary>Features per cohort in the summary: the strongest contrasts say what a cohort is; the rest is noise.</summary>
    private const int FeaturesPerCohort = 6;

    private const string Instructions = """
        You name customer cohorts found by clustering, for marketers. Reply with a JSON object whose "labels" is a
        JSON array of one object per cohort in the order given, each {"name": "...", "description": "..."}. name: 2 to
        4 words in title case, at most 40 characters, different for every cohort, describing behaviour (e.g. "Lapsed
        Big Spenders"). description: one sentence of at most 200 characters with concrete numbers from the data
        (share, means).
        """;

    public static IList<ChatMessage> Messages(IReadOnlyList<CohortProfile> cohorts) =>
    [
        new(ChatRole.System, Instructions),
        new(ChatRole.User, Summary(cohorts)),
    ];

    /// <summary>
    /// One line per cohort: its share, then its most notable features as "name (meaning): cohort mean vs population
    /// mean, z" with z in population standard deviations of the transformed feature.
    /// </summary>
    public static string Summary(IReadOnlyList<CohortProfile> cohorts)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{cohorts.Count} cohorts. Per feature: cohort mean vs everyone's mean, z (standard deviations from everyone), and the medians (the typical customer; amounts are skewed).\n");
        for (var i = 0; i < cohorts.Count; i++)
        {
            var features = cohorts[i].Features.OrderByDescending(f => Math.Abs(f.ZScore)).ThenBy(f => f.Name, StringComparer.Ordinal).Take(FeaturesPerCohort)
                .Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Name} ({f.Description}): {f.Mean:0.##} vs {f.PopulationMean:0.##}, z {f.ZScore:+0.0;-0.0}, median {f.Median:0.##} vs {f.PopulationMedian:0.##}"));
            text.Append(CultureInfo.InvariantCulture, $"{i + 1}. {cohorts[i].Share:0.0%} of customers; {string.Join("; ", features)}\n");
        }

        return text.ToString();
    }
}
