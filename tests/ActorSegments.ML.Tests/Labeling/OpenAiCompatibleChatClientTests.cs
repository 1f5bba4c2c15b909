using System.Net;
using System.Text.Json;
using ActorSegments.ML.Labeling;
using Microsoft.Extensions.AI;

namespace ActorSegments.ML.Tests.Labeling;

public sealed class OpenAiCompatibleChatClientTests
{
    private const string Completion = """{"id": "c1", "choices": [{"index": 0, "message": {"role": "assistant", "content": "[1, 2]"}}]}""";

    [Fact]
    public async Task GetResponseAsync_Request_ChatCompletionsWithModelMessagesAndKey()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, Completion);
        using var client = new OpenAiCompatibleChatClient(new HttpClient(handler), new Uri("http://localhost:11434/v1"), "llama3.2", "secret");

        var response = await client.GetResponseAsync(
            [new(ChatRole.System, "rules"), new(ChatRole.User, "cohorts")],
            new ChatOptions { Temperature = 0.2f },
            TestContext.Current.CancellationToken);

        Assert.Equal("[1, 2]", response.Text);
        Assert.Equal(new Uri("http://localhost:11434/v1/chat/completions"), handler.Request!.RequestUri);
        Assert.Equal("Bearer secret", handler.Request.Headers.Authorization!.ToString());
        using var body = JsonDocument.Parse(handler.Body!);
        Assert.Equal("llama3.2", body.RootElement.GetProperty("model").GetString());
        Assert.Equal(0.2, body.RootElement.GetProperty("temperature").GetDouble(), 1e-6);
        var messages = body.RootElement.GetProperty("messages").EnumerateArray().Select(m => (m.GetProperty("role").GetString(), m.GetProperty("content").GetString()));
        Assert.Equal([("system", "rules"), ("user", "cohorts")], messages);
    }

    [Fact]
    public async Task GetResponseAsync_NoKey_NoAuthorizationHeader()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, Completion);
        using var client = new OpenAiCompatibleChatClient(new HttpClient(handler), new Uri("http://h/v1/"), "m", null);

        await client.GetResponseAsync([new(ChatRole.User, "x")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Null(handler.Request!.Headers.Authorization);
    }

    [Fact]
    public async Task GetResponseAsync_ServerError_Throws()
    {
        using var client = new OpenAiCompatibleChatClient(new HttpClient(new RecordingHandler(HttpStatusCode.BadGateway, "{}")), new Uri("http://h/v1"), "m", null);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetResponseAsync([new(ChatRole.User, "x")], cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GetResponseAsync_NoChoices_Throws()
    {
        using var client = new OpenAiCompatibleChatClient(new HttpClient(new RecordingHandler(HttpStatusCode.OK, """{"choices": []}""")), new Uri("http://h/v1"), "m", null);

        await Assert.ThrowsAsync<InvalidDataException>(() => client.GetResponseAsync([new(ChatRole.User, "x")], cancellationToken: TestContext.Current.CancellationToken));
    }

    private sealed class RecordingHandler(HttpStatusCode status, string content) : HttpMessageHandler
    {
        public HttpRequestMessage? Request { get; private set; }

        public string? Body { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Request = request;
            Body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(status) { Content = new StringContent(content) };
        }
    }
}
