using ActorSegments.Domain.Modeling;
using ActorSegments.ML.Labeling;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace ActorSegments.ML.Tests.Labeling;

public sealed class ChatCohortLabelerTests
{
    private static readonly CohortProfile[] Cohorts = Profiles.Planted();

    private readonly ListLogger<ChatCohortLabeler> _logger = new();

    [Fact]
    public async Task LabelAsync_ValidAnswer_ModelLabels()
    {
        var labels = await Labeler(FakeChatClient.Answering(ChatAnswers.Valid)).LabelAsync(Cohorts, TestContext.Current.CancellationToken);

        Assert.Equal(["Lapsed Big Spenders", "Cart-Happy Browsers", "Email Devotees"], labels.Select(l => l.Name));
        Assert.All(labels, l => Assert.Equal("llm", l.Source));
        Assert.Empty(_logger.Entries);
    }

    [Fact]
    public async Task LabelAsync_Request_AsksForTheAnswersJsonSchema()
    {
        var client = FakeChatClient.Answering(ChatAnswers.Valid);

        await Labeler(client).LabelAsync(Cohorts, TestContext.Current.CancellationToken);

        var format = Assert.IsType<ChatResponseFormatJson>(client.Options[^1].ResponseFormat);
        Assert.Contains("labels", format.Schema!.Value.GetProperty("properties").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task LabelAsync_Prompt_HoldsSharesAndCohortAgainstPopulationMeans()
    {
        var client = FakeChatClient.Answering(ChatAnswers.Valid);

        await Labeler(client).LabelAsync(Cohorts, TestContext.Current.CancellationToken);

        var prompt = client.Received[^1].Text;
        Assert.Contains("1. 12.0% of customers", prompt, StringComparison.Ordinal);
        Assert.Contains("recency_days (Days since the last purchase (400 when never bought)): 310 vs 95, z +2.1", prompt, StringComparison.Ordinal);
        Assert.Contains("JSON array", client.Received[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LabelAsync_ClientThrows_FallbackLabelsAndAWarning()
    {
        var client = new FakeChatClient(_ => throw new HttpRequestException("connection refused"));

        var labels = await Labeler(client).LabelAsync(Cohorts, TestContext.Current.CancellationToken);

        Assert.Equal(await Fallback(), labels);
        var (level, message) = Assert.Single(_logger.Entries);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Contains("connection refused", message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> InvalidAnswers => new()
    {
        { "not json at all", "not valid JSON" },
        { "{\"labels\": [{\"name\": \"A\", \"description\": \"B\"", "not valid JSON" },
        { "{\"labels\": [{\"name\": \"A\", \"description\": \"B.\"}, {\"name\": \"C\", \"description\": }]}", "not valid JSON" },
        { "[{\"name\": \"A\", \"description\": \"B.\"}]", "not valid JSON" },
        { "{\"labels\": [{\"name\": \"A\", \"description\": \"B.\"}]}", "1 labels for 3 cohorts" },
        { "{}", "holds no labels" },
        { "", "holds no labels" },
        { Answer(("A", "x."), ("B", "y."), (new string('N', 41), "z.")), "over 40" },
        { Answer(("A", "x."), ("B", "y."), ("C", new string('d', 201))), "over 200" },
        { Answer(("A", "x."), ("B", "y."), ("a", "z.")), "same name" },
        { Answer(("A", "x."), ("", "y."), ("C", "z.")), "lacks a name" },
        { Answer(("A", "One sentence. Then another."), ("B", "y."), ("C", "z.")), "more than one sentence" },
        { Answer(("A", "x."), ("B\u0007", "y."), ("C", "z.")), "control characters" },
        { Answer(("A", "x."), ("B", "line\nbreak"), ("C", "z.")), "control characters" },
    };

    [Theory]
    [MemberData(nameof(InvalidAnswers))]
    public async Task LabelAsync_InvalidAnswer_FallbackSayingWhy(string answer, string problem)
    {
        var labels = await Labeler(FakeChatClient.Answering(answer)).LabelAsync(Cohorts, TestContext.Current.CancellationToken);

        Assert.Equal(await Fallback(), labels);
        Assert.Contains(problem, Assert.Single(_logger.Entries).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LabelAsync_ModelHangsPastTheTimeout_Fallback()
    {
        var client = new FakeChatClient(async token =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return ChatAnswers.Valid;
        });

        var labels = await Labeler(client, TimeSpan.FromMilliseconds(50)).LabelAsync(Cohorts, TestContext.Current.CancellationToken);

        Assert.Equal(await Fallback(), labels);
        Assert.Contains("no answer within 0.05 s", Assert.Single(_logger.Entries).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LabelAsync_ModelIgnoresCancellation_StillFallsBackAtTheTimeout()
    {
        var never = new TaskCompletionSource<string>();

        var labels = await Labeler(new FakeChatClient(_ => never.Task), TimeSpan.FromMilliseconds(50)).LabelAsync(Cohorts, TestContext.Current.CancellationToken);

        Assert.Equal(await Fallback(), labels);
    }

    [Fact]
    public async Task LabelAsync_CallerCancels_Cancelled()
    {
        using var cancellation = new CancellationTokenSource();
        var client = new FakeChatClient(async token =>
        {
            await cancellation.CancelAsync();
            token.ThrowIfCancellationRequested();
            return ChatAnswers.Valid;
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Labeler(client).LabelAsync(Cohorts, cancellation.Token));
        Assert.Empty(_logger.Entries);
    }

    [Fact]
    public async Task LabelAsync_NoCohorts_NothingAsked()
    {
        var client = FakeChatClient.Answering(ChatAnswers.Valid);

        Assert.Empty(await Labeler(client).LabelAsync([], TestContext.Current.CancellationToken));
        Assert.Empty(client.Received);
    }

    private static string Answer(params (string Name, string Description)[] labels) =>
        System.Text.Json.JsonSerializer.Serialize(new { labels = labels.Select(l => new { name = l.Name, description = l.Description }) });

    private static Task<IReadOnlyList<CohortLabel>> Fallback() => new DeterministicCohortLabeler().LabelAsync(Cohorts, TestContext.Current.CancellationToken);

    private ChatCohortLabeler Labeler(FakeChatClient client, TimeSpan? timeout = null) => new(client, new DeterministicCohortLabeler(), timeout, _logger);
}
