using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ActorSegments.Domain.Modeling;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorSegments.ML.Labeling;

/// <summary>
/// Names cohorts with a language model behind <see cref="IChatClient"/>: it is sent each cohort's share and most
/// notable features and asked, with the JSON schema of <see cref="ChatLabelAnswer"/> (structured output), for a name
/// and a description per cohort. Any failure (an exception, no answer within the timeout, an answer that is not
/// exactly one valid label per cohort) falls back to another labeler, with a warning: a refresh never fails or waits
/// long because a model host is down or talkative.
/// </summary>
public sealed partial class ChatCohortLabeler : ICohortLabeler
{
    public const string Source = "llm";

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    // Low temperature: the same cohorts should read the same from one refresh to the next.
    private static readonly ChatOptions Options = new() { Temperature = 0.2f };

    // The answer's JSON: camelCase names ("labels", "name", "description") as the prompt and the schema spell them.
    private static readonly JsonSerializerOptions AnswerJson = new(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    private readonly IChatClient _chatClient;
    private readonly ICohortLabeler _fallback;
    private readonly TimeSpan _timeout;
    private readonly ILogger _logger;

    /// <param name="chatClient">The model; this labeler does not dispose it.</param>
    /// <param name="fallback">What labels the cohorts when the model does not.</param>
    /// <param name="timeout">How long to wait for the model; <see cref="DefaultTimeout"/> when null.</param>
    /// <param name="logger">Where fallbacks are reported.</param>
    public ChatCohortLabeler(IChatClient chatClient, ICohortLabeler fallback, TimeSpan? timeout = null, ILogger<ChatCohortLabeler>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(chatClient);
        ArgumentNullException.ThrowIfNull(fallback);
        _chatClient = chatClient;
        _fallback = fallback;
        _timeout = timeout ?? DefaultTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_timeout, TimeSpan.Zero, nameof(timeout));
        _logger = logger ?? NullLogger<ChatCohortLabeler>.Instance;
    }

    /// <summary>The model this labeler asks (for diagnostics and tests).</summary>
    public IChatClient ChatClient => _chatClient;

    public async Task<IReadOnlyList<CohortLabel>> LabelAsync(IReadOnlyList<CohortProfile> cohorts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cohorts);
        if (cohorts.Count == 0)
        {
            return [];
        }

        string? problem;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        try
        {
            // WaitAsync as well as the token: a client that ignores cancellation must not hold the refresh.
            var response = await _chatClient.GetResponseAsync<ChatLabelAnswer>(ChatLabelPrompt.Messages(cohorts), AnswerJson, Options, useJsonSchemaResponseFormat: true, deadline.Token)
                .WaitAsync(deadline.Token).ConfigureAwait(false);
            var labels = Read(response, out var answer, out problem) ? answer.Check(cohorts.Count, Source, out problem) : null;
            if (labels is not null)
            {
                return labels;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            problem = $"no answer within {_timeout.TotalSeconds:0.###} s";
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            problem = $"{exception.GetType().Name}: {exception.Message}";
        }

        LogFallback(_logger, problem ?? "unknown", cohorts.Count);
        return await _fallback.LabelAsync(cohorts, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The typed answer, or why the text is not one.</summary>
    private static bool Read(ChatResponse<ChatLabelAnswer> response, [NotNullWhen(true)] out ChatLabelAnswer? answer, [NotNullWhen(false)] out string? problem)
    {
        try
        {
            (answer, problem) = (response.Result, null);
            return true;
        }
        catch (JsonException exception)
        {
            (answer, problem) = (null, $"the answer is not valid JSON of the requested shape ({exception.Message})");
        }
        catch (InvalidOperationException exception)
        {
            (answer, problem) = (null, $"the answer holds no labels ({exception.Message})");
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The language model did not label {Cohorts} cohorts ({Problem}); using the fallback labeler")]
    private static partial void LogFallback(ILogger logger, string problem, int cohorts);
}
