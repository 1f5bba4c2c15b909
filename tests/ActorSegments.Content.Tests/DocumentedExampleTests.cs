using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;

namespace ActorSegments.Content.Tests;

/// <summary>The example template of docs/templates.md parses, and renders the blocks it promises for each kind of customer.</summary>
public sealed partial class DocumentedExampleTests
{
    private readonly TemplateEngine _engine = new(TemplateLimits.Default, new FakeTimeProvider());

    [Fact]
    public async Task DocsExample_LapsedVipInDiscountArm_GetsTheWinBackOfferTheCodeAndTheirPicks()
    {
        var profile = Profiles.Customer("c1", segments: ["lapsed_vips"], experiments: new() { ["spring_sale"] = "discount" }, firstName: "ann", recommendations: ["p-9", "p-3", "p-7", "p-1"]);

        var text = await RenderAsync(profile);

        Assert.Contains("<h1>Hi Ann,</h1>", text, StringComparison.Ordinal);
        Assert.Contains("We miss you", text, StringComparison.Ordinal);
        Assert.Contains("SPRING20", text, StringComparison.Ordinal);
        Assert.Contains("Picked for you (Gift buyers)", text, StringComparison.Ordinal);
        Assert.Contains("#3 <a href=\"https://shop.example/p/p-7\">p-7</a>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("p-1", text, StringComparison.Ordinal);
        Assert.Contains("Early access starts Friday", text, StringComparison.Ordinal);
        Assert.Contains("Your first pick again: p-9", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DocsExample_PicksWithReasons_WriteEachReasonAfterItsLinkAndNothingForAnItemWithout()
    {
        var profile = Profiles.Customer("c3", recommendations: ["p-9", "p-3"], reasons: ["popular in Kitchen & Dining", ""]);

        var text = await RenderAsync(profile);

        Assert.Contains("<a href=\"https://shop.example/p/p-9\">p-9</a> (popular in Kitchen &amp; Dining)</li>", text, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://shop.example/p/p-3\">p-3</a></li>", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DocsExample_AnonymousCustomerOutsideTheTest_GetsTheDefaultsAndNoOffer()
    {
        var text = await RenderAsync(Profiles.Customer("c2"));

        Assert.Contains("<h1>Hi There,</h1>", text, StringComparison.Ordinal);
        Assert.Contains("spring collection", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SPRING20", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Free shipping all week", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Picked for you", text, StringComparison.Ordinal);
        Assert.Contains("Your first pick again: our bestsellers", text, StringComparison.Ordinal);
    }

    private async Task<string> RenderAsync(Abstractions.Customers.CustomerProfileView profile)
    {
        var example = LiquidBlock().Match(RepositoryFiles.Read("docs", "templates.md")).Groups[1].Value;
        return await _engine.RenderAsync(_engine.Parse(example), TemplateModel.From(profile, "Gift buyers"), TemplateEncoding.Html, TestContext.Current.CancellationToken);
    }

    [GeneratedRegex("```liquid\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex LiquidBlock();
}
