using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using ActorSegments.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ActorSegments.ML.Tests.Labeling;

/// <summary>
/// An OpenAI-compatible chat completions endpoint on 127.0.0.1 (<c>POST /v1/chat/completions</c>, as OpenAI, Ollama
/// and vLLM serve it): answers every request with <see cref="Status"/> and a completion whose message content is
/// <see cref="Content"/>, and keeps each request's authorization header and body.
/// </summary>
internal sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();

    private FakeOpenAiServer(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    /// <summary>The API base, e.g. <c>http://127.0.0.1:41234/v1</c>.</summary>
    public Uri BaseUri { get; }

    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

    /// <summary>The assistant's message content; null answers a completion with no choices.</summary>
    public string? Content { get; set; } = "{}";

    public IReadOnlyCollection<ReceivedRequest> Received => _received;

    public static async Task<FakeOpenAiServer> StartAsync()
    {
        FakeOpenAiServer? server = null;
        var app = await LoopbackWebApp.StartAsync(a => a.MapPost("/v1/chat/completions", (HttpContext context) => server!.AnswerAsync(context)));
        server = new FakeOpenAiServer(app, new Uri($"{app.Urls.First()}/v1"));
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task AnswerAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        _received.Enqueue(new ReceivedRequest(context.Request.Headers.Authorization.ToString(), await reader.ReadToEndAsync()));
        context.Response.StatusCode = (int)Status;
        context.Response.ContentType = "application/json";
        object[] choices = Content is null ? [] : [new { index = 0, message = new { role = "assistant", content = Content }, finish_reason = "stop" }];
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { id = "c1", @object = "chat.completion", created = 0, model = "m", choices }));
    }

    /// <summary>A request as it arrived: its Authorization header (empty when none) and its JSON body.</summary>
    public sealed record ReceivedRequest(string Authorization, string Body);
}
