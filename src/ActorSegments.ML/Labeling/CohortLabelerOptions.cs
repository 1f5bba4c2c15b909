using System.ComponentModel.DataAnnotations;

namespace ActorSegments.ML.Labeling;

/// <summary>
/// Which labeler names cohorts: <c>none</c> (the deterministic rules, the default), <c>openai</c> (any
/// OpenAI-compatible chat endpoint) or <c>ollama</c> (an Ollama host, through its OpenAI-compatible API). A language model only ever adds nicer names: on any failure the
/// rules label the run.
/// </summary>
public sealed class CohortLabelerOptions : IValidatableObject
{
    public const string SectionName = "ActorSegments:Modeling:Labeler";

    public const string None = "none";
    public const string OpenAi = "openai";
    public const string Ollama = "ollama";

    public string Provider { get; set; } = None;

    /// <summary>The model host: required for ollama (e.g. http://localhost:11434); for openai, the OpenAI API when unset.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The model to ask, e.g. <c>gpt-4o-mini</c> or <c>llama3.2</c>.</summary>
    public string? Model { get; set; }

    /// <summary>The key for openai (any placeholder for a compatible server that ignores keys); unused by ollama.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long to wait for the model before the rules label the run.</summary>
    public TimeSpan Timeout { get; set; } = ChatCohortLabeler.DefaultTimeout;

    /// <summary>
    /// What is wrong with these settings, one result per problem naming the setting (a member of this class); what
    /// is required depends on the provider, so the rules are here rather than in annotations.
    /// </summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var provider = Provider?.Trim() ?? string.Empty;
        if (!IsProvider(provider, None) && !IsProvider(provider, OpenAi) && !IsProvider(provider, Ollama))
        {
            yield return Problem(nameof(Provider), $"must be \"{None}\", \"{OpenAi}\" or \"{Ollama}\" (got \"{Provider}\")");
            yield break;
        }

        if (IsProvider(provider, None))
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(Model))
        {
            yield return Problem(nameof(Model), $"is required with the \"{provider}\" provider: the name of the model to ask");
        }

        if (Endpoint is null && IsProvider(provider, Ollama))
        {
            yield return Problem(nameof(Endpoint), $"is required with the \"{Ollama}\" provider, e.g. http://localhost:11434");
        }
        else if (Endpoint is not null && (!Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttp && Endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            yield return Problem(nameof(Endpoint), $"must be an absolute http or https URI (got \"{Endpoint}\")");
        }

        if (string.IsNullOrWhiteSpace(ApiKey) && IsProvider(provider, OpenAi))
        {
            yield return Problem(nameof(ApiKey), $"is required with the \"{OpenAi}\" provider (any placeholder for a server that ignores keys)");
        }

        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(5))
        {
            yield return Problem(nameof(Timeout), $"must be more than 0 and at most 00:05:00 (got {Timeout})");
        }
    }

    internal static bool IsProvider(string? value, string provider) => string.Equals(value?.Trim(), provider, StringComparison.OrdinalIgnoreCase);

    private static ValidationResult Problem(string setting, string message) => new(message, [setting]);
}
