using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace ActorSegments.ML.Labeling;

/// <summary>
/// A minimal <see cref="IChatClient"/> for the OpenAI chat completions protocol (<c>POST {base}/chat/completions</c>),
/// which OpenAI, Ollama (under <c>/v1</c>), vLLM and most model servers speak. One request, one answer: all the cohort
/// labeler needs.
/// </summary>
/// <remarks>
/// Why not the Microsoft.Extensions.AI.OpenAI adapter or OllamaSharp: both need Microsoft.Extensions.Logging.Abstractions
/// 10.0.9 or later, and this repository pins 10.0.5 centrally (restore fails with NU1109). Once the pin moves, this class
/// can give way to <c>new OpenAI.Chat.ChatClient(model, key, options).AsIChatClient()</c> in
/// <see cref="CohortLabelerFactory"/>; <see cref="ChatCohortLabeler"/> does not change.
/// </remarks>
internal sealed class OpenAiCompatibleChatClient : IChatClient
{
    private readonly HttpClient _http;
    private readonly Uri _completions;
    private readonly string? _apiKey;

    /// <param name="http">The connection; disposed with this client.</param>
    /// <param name="baseUri">The API base, e.g. https://api.openai.com/v1/ or http://localhost:11434/v1/.</param>
    /// <param name="model">The model every request names.</param>
    /// <param name="apiKey">The bearer token; none is sent when null.</param>
    public OpenAiCompatibleChatClient(HttpClient http, Uri baseUri, string model, string? apiKey)
    {
        _http = http;
        _completions = new Uri(WithTrailingSlash(baseUri), "chat/completions");
        _apiKey = apiKey;
        Metadata = new ChatClientMetadata("openai-compatible", baseUri, model);
    }

    public ChatClientMetadata Metadata { get; }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var body = new CompletionRequest(
            options?.ModelId ?? Metadata.DefaultModelId!,
            [.. messages.Select(m => new CompletionMessage(m.Role.Value, m.Text))],
            options?.Temperature);
        using var request = new HttpRequestMessage(HttpMethod.Post, _completions) { Content = JsonContent.Create(body, options: Json) };
        if (_apiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
        }

        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<CompletionResponse>(Json, cancellationToken).ConfigureAwait(false);
        var text = (answer?.Choices is [var first, ..] ? first.Message?.Content : null)
            ?? throw new InvalidDataException("The chat completion holds no message content.");
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Not streamed: the one answer arrives as one update.
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? Metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose() => _http.Dispose();

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsolutePath.EndsWith('/') ? uri : new UriBuilder(uri) { Path = uri.AbsolutePath + "/" }.Uri;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private sealed record CompletionRequest(string Model, IReadOnlyList<CompletionMessage> Messages, float? Temperature);

    private sealed record CompletionMessage(string Role, string Content);

    private sealed record CompletionResponse(IReadOnlyList<CompletionChoice>? Choices);

    private sealed record CompletionChoice(CompletionMessage? Message);
}
