using Microsoft.Extensions.AI;

namespace ActorSegments.ML.Tests.Labeling;

/// <summary>An <see cref="IChatClient"/> that answers with whatever the test says, and remembers what it was asked.</summary>
internal sealed class FakeChatClient(Func<CancellationToken, Task<string>> answer) : IChatClient
{
    public List<ChatMessage> Received { get; } = [];

    /// <summary>The options of every request, in order.</summary>
    public List<ChatOptions> Options { get; } = [];

    public static FakeChatClient Answering(string text) => new(_ => Task.FromResult(text));

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Received.AddRange(messages);
        Options.Add(options ?? new ChatOptions());
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, await answer(cancellationToken)));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
