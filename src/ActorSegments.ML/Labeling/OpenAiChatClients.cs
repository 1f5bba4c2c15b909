using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace ActorSegments.ML.Labeling;

/// <summary>
/// An <see cref="IChatClient"/> for the OpenAI chat completions protocol (<c>POST {base}/chat/completions</c>), which
/// OpenAI, Ollama (under <c>/v1</c>), vLLM and most model servers speak: the OpenAI library behind
/// Microsoft.Extensions.AI's adapter.
/// </summary>
internal static class OpenAiChatClients
{
    /// <param name="baseUri">The API base, e.g. https://api.openai.com/v1/ or http://localhost:11434/v1.</param>
    /// <param name="model">The model every request names.</param>
    /// <param name="apiKey">The bearer token; none is sent when null (an Ollama host needs none).</param>
    public static IChatClient Create(Uri baseUri, string model, string? apiKey)
    {
        var options = new OpenAIClientOptions
        {
            Endpoint = baseUri,
            // No retries: the labeler's timeout bounds the whole call and the rules label the run on any failure, so a
            // backed-off second attempt would mostly spend that time waiting.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        };
#pragma warning disable OPENAI001 // The constructor taking an authentication policy is marked for evaluation; it is the one way to send no key.
        var chat = apiKey is null
            ? new ChatClient(model, new NoAuthentication(), options)
            : new ChatClient(model, new ApiKeyCredential(apiKey), options);
#pragma warning restore OPENAI001
        return chat.AsIChatClient();
    }

    /// <summary>Sends requests as they are: no Authorization header for a host that takes no key.</summary>
    private sealed class NoAuthentication : AuthenticationPolicy
    {
        public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex) =>
            ProcessNext(message, pipeline, currentIndex);

        public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex) =>
            ProcessNextAsync(message, pipeline, currentIndex);
    }
}
