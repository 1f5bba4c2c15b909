using System.ComponentModel.DataAnnotations;
using ActorSegments.Domain.Modeling;
using Microsoft.Extensions.Logging;

namespace ActorSegments.ML.Labeling;

/// <summary>Builds the labeler the options ask for: the deterministic rules, or a language model with them as fallback.</summary>
/// <remarks>
/// Both providers go through the OpenAI chat completions protocol (<see cref="OpenAiChatClients"/>): OpenAI (or a
/// compatible server) at the endpoint, Ollama through its OpenAI-compatible API under <c>/v1</c>.
/// </remarks>
public static class CohortLabelerFactory
{
    private static readonly Uri OpenAiApi = new("https://api.openai.com/v1/");

    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public static ICohortLabeler Create(CohortLabelerOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate(new ValidationContext(options, nameof(CohortLabelerOptions), null, null))
            .Select(p => $"'{CohortLabelerOptions.SectionName}:{string.Join(", ", p.MemberNames)}' {p.ErrorMessage}")
            .ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"The cohort labeler settings are invalid: {string.Join("; ", problems)}.", nameof(options));
        }

        var rules = new DeterministicCohortLabeler();
        if (CohortLabelerOptions.IsProvider(options.Provider, CohortLabelerOptions.None))
        {
            return rules;
        }

        var ollama = CohortLabelerOptions.IsProvider(options.Provider, CohortLabelerOptions.Ollama);
        var endpoint = ollama ? OpenAiCompatible(options.Endpoint!) : options.Endpoint ?? OpenAiApi;
        var key = string.IsNullOrWhiteSpace(options.ApiKey) ? null : options.ApiKey.Trim();

        var client = OpenAiChatClients.Create(endpoint, options.Model!.Trim(), key);
        return new ChatCohortLabeler(client, rules, options.Timeout, loggerFactory?.CreateLogger<ChatCohortLabeler>());
    }

    /// <summary>The OpenAI-compatible base of an Ollama host: <c>http://host:11434</c> becomes <c>http://host:11434/v1</c>.</summary>
    internal static Uri OpenAiCompatible(Uri ollama)
    {
        var path = ollama.AbsolutePath.TrimEnd('/');
        return path.EndsWith("/v1", StringComparison.Ordinal) ? ollama : new UriBuilder(ollama) { Path = path + "/v1" }.Uri;
    }
}
