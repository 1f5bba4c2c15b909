using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ActorSegments.Console.Tests;

/// <summary>A segment's count over time (from its change feed) and the overlap of chosen segments pair by pair.</summary>
public sealed class SegmentChartsTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task SegmentPage_CountOverTime_EndsAtTheMembersAndOverlapMapCountsEveryPair()
    {
        var page = await Planting.BuyersAndBigBuyersAsync(fixture);
        await page.ScreenshotAsync("segments");

        await page.GotoAsync("console/segments/buyers");

        var history = page.GetByRole(AriaRole.Figure).Filter(new() { HasText = "Members of buyers at the end of each day" });
        await Expect(history.GetByRole(AriaRole.Img)).ToBeVisibleAsync();
        await Expect(history.Locator("tbody tr").Last.Locator("td").Last).ToHaveTextAsync("2");
        await page.ScreenshotAsync("segment");

        await page.GotoAsync("console/overlap?ids=buyers&ids=big-buyers");
        await Expect(page.GetByTestId("pair-buyers-big-buyers")).ToHaveTextAsync("1");
        await Expect(page.GetByTestId("pair-big-buyers-buyers")).ToHaveTextAsync("1");
        await Expect(page.GetByTestId("pair-buyers-buyers")).ToHaveTextAsync("2");
        await page.ScreenshotAsync("overlap");
        await page.GotoAsync("console/");
        await page.ScreenshotAsync("overview");
    }
}
