using System.Net;
using System.Text.Json;
using ActorSegments.Domain.Modeling;
using ActorSegments.ML.Labeling;

namespace ActorSegments.ML.Tests.Labeling;

/// <summary>The language-model labeler as configured, against an OpenAI-compatible server over HTTP.</summary>
public sealed class OpenAiChatClientsTests
{
    private static readonly CohortProfile[] Cohorts = Profiles.Planted();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LabelAsync_OpenAiProvider_ChatCompletionWithModelMessagesSchemaAndKey()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Content = ChatAnswers.Valid;

        var labels = await Labeler("openai", server.BaseUri, "secret").LabelAsync(Cohorts, Ct);

        Assert.Equal(["Lapsed Big Spenders", "Cart-Happy Browsers", "Email Devotees"], labels.Select(l => l.Name));
        Assert.All(labels, l => Assert.Equal(ChatCohortLabeler.Source, l.Source));
        var request = Assert.Single(server.Received);
        Assert.Equal("Bearer secret", request.Authorization);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("llama3.2", body.RootElement.GetProperty("model").GetString());
        Assert.Equal(0.2, body.RootElement.GetProperty("temperature").GetDouble(), 1e-6);
        Assert.Equal(["system", "user"], body.RootElement.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("role").GetString()));
        // Structured output: the answer's JSON schema travels with the request.
        var format = body.RootElement.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        Assert.True(format.GetProperty("json_schema").GetProperty("schema").GetProperty("properties").TryGetProperty("labels", out _));
    }

    [Fact]
    public async Task LabelAsync_OllamaWithoutKey_NoAuthorizationHeader()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Content = ChatAnswers.Valid;
        var ollamaHost = new Uri(server.BaseUri.GetLeftPart(UriPartial.Authority));

        var labels = await Labeler("ollama", ollamaHost, key: null).LabelAsync(Cohorts, Ct);

        Assert.Equal(ChatCohortLabeler.Source, labels[0].Source);
        Assert.Equal(string.Empty, Assert.Single(server.Received).Authorization);
    }

    [Fact]
    public async Task LabelAsync_ServerError_TheRulesLabelAfterOneAttempt()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Status = HttpStatusCode.BadGateway;

        var labels = await Labeler("openai", server.BaseUri, "k").LabelAsync(Cohorts, Ct);

        Assert.Equal(await Rules(), labels);
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task LabelAsync_NoChoices_TheRulesLabel()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Content = null;

        var labels = await Labeler("openai", server.BaseUri, "k").LabelAsync(Cohorts, Ct);

        Assert.Equal(await Rules(), labels);
    }

    private static ICohortLabeler Labeler(string provider, Uri endpoint, string? key) => CohortLabelerFactory.Create(new CohortLabelerOptions
    {
        Provider = provider,
        Endpoint = endpoint,
        Model = "llama3.2",
        ApiKey = key,
        Timeout = TimeSpan.FromSeconds(30),
    });

    private static Task<IReadOnlyList<CohortLabel>> Rules() => new DeterministicCohortLabeler().LabelAsync(Cohorts, Ct);
}
