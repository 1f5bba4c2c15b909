using Microsoft.Extensions.Time.Testing;

namespace ActorSegments.Content.Tests;

/// <summary>What a template cannot do: reach members off the allow-list, include files, run or write without bound.</summary>
public sealed class TemplateSandboxTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Render_MemberOffTheAllowList_RendersNothingFromIt()
    {
        var engine = new TemplateEngine(TemplateLimits.Default, new FakeTimeProvider());

        // The model's records have public C# properties (TotalEvents, ProductId, ...): Fluid's default strategy would
        // read them by reflection; only the documented snake_case names are registered.
        var text = await engine.RenderAsync(
            engine.Parse("[{{ customer.TotalEvents }}|{{ customer.total_events }}|{{ recommendations[0].ProductId }}|{{ recommendations[0].product_id }}|{{ cohort.Name }}|{{ rfm.EqualityContract }}]"),
            TemplateModel.From(Profiles.Customer("c1", recommendations: ["p-1"]), "Named"),
            TemplateEncoding.PlainText,
            Ct);

        Assert.Equal("[|3||p-1||]", text);
    }

    [Theory]
    [InlineData("Hello\n  {% include 'secrets' %}", 2, "include")]
    [InlineData("{% render '/etc/passwd' %}", 1, "render")]
    public void Parse_FileInclude_IsRefusedWithItsLine(string source, int line, string tag)
    {
        var engine = new TemplateEngine(TemplateLimits.Default, new FakeTimeProvider());

        var error = Assert.Throws<TemplateSyntaxException>(() => engine.Parse(source));

        Assert.Equal(line, error.Line);
        Assert.Contains($"Unknown tag '{tag}'", error.Reason, StringComparison.Ordinal);
        Assert.Contains("cannot include or render other files", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_IncludeInsideALiquidTag_IsRefusedToo()
    {
        var engine = new TemplateEngine(TemplateLimits.Default, new FakeTimeProvider());

        // The {% liquid %} tag is not enabled at all, so nothing can hide a tag inside it.
        var error = Assert.Throws<TemplateSyntaxException>(() => engine.Parse("{% liquid\n  assign x = 1\n  include 'x' %}"));

        Assert.Contains("was expected", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_EndlessishLoop_StopsAtTheStepLimit()
    {
        var engine = new TemplateEngine(TemplateLimits.Default with { MaxSteps = 10_000 }, new FakeTimeProvider());
        var template = engine.Parse("{% for i in (1..5000) %}{% for j in (1..5000) %}{% assign k = j %}{% endfor %}{% endfor %}done");

        var error = await Assert.ThrowsAsync<TemplateRenderException>(() => RenderAsync(engine, template));

        Assert.Equal(TemplateLimit.Steps, error.Limit);
        Assert.Contains("10000 steps", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_HugeOutput_StopsAtTheOutputLimit()
    {
        var engine = new TemplateEngine(TemplateLimits.Default with { MaxOutputLength = 1_000 }, new FakeTimeProvider());
        var template = engine.Parse("{% for i in (1..500) %}{{ customer.id }} is a valued customer. {% endfor %}");

        var error = await Assert.ThrowsAsync<TemplateRenderException>(() => RenderAsync(engine, template));

        Assert.Equal(TemplateLimit.Output, error.Limit);
        Assert.Contains("1000 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_OutputUnderTheLimit_IsWrittenWhole()
    {
        var engine = new TemplateEngine(TemplateLimits.Default with { MaxOutputLength = 1_000 }, new FakeTimeProvider());

        var text = await RenderAsync(engine, engine.Parse("{% for i in (1..10) %}0123456789{% endfor %}"));

        Assert.Equal(100, text.Length);
    }

    [Fact]
    public async Task Render_PastTheTimeLimit_IsStoppedOnTheServersClock()
    {
        // Each read of the clock ("now") moves it a second on: the third read is past a 2.5 s limit, with no sleep.
        var time = new FakeTimeProvider { AutoAdvanceAmount = TimeSpan.FromSeconds(1) };
        var engine = new TemplateEngine(TemplateLimits.Default with { TimeLimit = TimeSpan.FromSeconds(2.5) }, time);
        var template = engine.Parse("{% for i in (1..100) %}{{ 'now' | date: '%s' }}{% endfor %}");

        var error = await Assert.ThrowsAsync<TemplateRenderException>(() => RenderAsync(engine, template));

        Assert.Equal(TemplateLimit.Time, error.Limit);
    }

    [Fact]
    public async Task Render_CallerCancels_IsACancellationNotALimit()
    {
        var engine = new TemplateEngine(TemplateLimits.Default, new FakeTimeProvider());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            engine.RenderAsync(engine.Parse("{% for i in (1..10) %}x{% endfor %}"), TemplateModel.From(Profiles.Customer("c1"), null), TemplateEncoding.PlainText, cancelled.Token));
    }

    [Fact]
    public void Parse_TemplateOverTheLengthLimit_IsRefusedBeforeParsing()
    {
        var engine = new TemplateEngine(TemplateLimits.Default with { MaxTemplateLength = 100 }, new FakeTimeProvider());

        var error = Assert.Throws<TemplateSyntaxException>(() => engine.Parse(new string('x', 101)));

        Assert.Contains("at most 100 characters (got 101)", error.Reason, StringComparison.Ordinal);
        Assert.Null(engine.CheckLength(new string('x', 100)));
    }

    private static Task<string> RenderAsync(TemplateEngine engine, ParsedTemplate template) =>
        engine.RenderAsync(template, TemplateModel.From(Profiles.Customer("c1"), null), TemplateEncoding.PlainText, Ct);
}
