using ActorSegments.Protos.V1;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ActorSegments.Console.Tests;

/// <summary>
/// Every page at a phone's width and a laptop's: nothing wider than the screen (wide tables and charts scroll inside
/// their own box), a label on every control, and every control reachable with the Tab key.
/// </summary>
public sealed class LayoutAndAccessibilityTests(ConsoleFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The page's width beyond the viewport, in CSS pixels (0 when nothing overflows sideways).</summary>
    private const string Overflow = "() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth)";

    /// <summary>Descriptions of the visible controls that have no accessible name (no label, aria-label or text).</summary>
    private const string Unlabelled = """
        () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button, a[href]')]
          .filter(el => el.offsetParent !== null)
          .filter(el => !((el.labels && el.labels.length > 0) || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')
                          || el.getAttribute('title') || (el.tagName !== 'INPUT' && el.textContent.trim().length > 0)
                          || (el.type === 'submit' && el.value)))
          .map(el => el.outerHTML.slice(0, 120))
        """;

    /// <summary>The visible, enabled controls a keyboard user must be able to reach, each marked with an index.</summary>
    private const string MarkControls = """
        () => {
          const controls = [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button, a[href], summary')]
            .filter(el => el.offsetParent !== null && !el.disabled);
          controls.forEach((el, i) => el.setAttribute('data-reach', String(i)));
          return controls.length;
        }
        """;

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1280, 800)]
    public async Task EveryPage_PhoneAndLaptopWidth_FitsLabelsEveryControlAndReachesItByKeyboard(int width, int height)
    {
        var workspace = await fixture.Server.NewWorkspaceAsync();
        await fixture.Server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = workspace.Id, SegmentId = "buyers", Rule = "did(purchase)" }, cancellationToken: Ct);
        await fixture.Server.Segments.CreateSegmentAsync(new CreateSegmentRequest { WorkspaceId = workspace.Id, SegmentId = "big-buyers", Rule = "rfm.monetary >= 100" }, cancellationToken: Ct);
        await fixture.Server.Ingest.TrackAsync(Events.Purchase(workspace.Id, "a-customer-with-a-rather-long-identifier@example.com", revenue: 500), cancellationToken: Ct);
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await page.SignInAsync(workspace.AdminKey);

        string[] paths =
        [
            "console/", "console/segments", "console/segments/new", "console/segments/buyers", "console/segments/buyers/edit",
            "console/overlap?ids=buyers&ids=big-buyers", "console/customers?id=a-customer-with-a-rather-long-identifier%40example.com",
            "console/cohorts", "console/experiments", "console/experiments/new", "console/models",
        ];
        var problems = new List<string>();
        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            var overflow = await page.EvaluateAsync<int>(Overflow);
            if (overflow > 0)
            {
                problems.Add($"{path}: {overflow}px wider than a {width}px screen");
            }

            problems.AddRange((await page.EvaluateAsync<string[]>(Unlabelled)).Select(control => $"{path}: no label on {control}"));
            problems.AddRange((await UnreachableAsync(page)).Select(control => $"{path}: Tab never reaches {control}"));
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <summary>Presses Tab through the page from its top and returns the controls focus never landed on.</summary>
    private static async Task<IReadOnlyList<string>> UnreachableAsync(IPage page)
    {
        var count = await page.EvaluateAsync<int>(MarkControls);
        var reached = new HashSet<string>(StringComparer.Ordinal);
        await page.EvaluateAsync("() => document.activeElement && document.activeElement.blur()");
        for (var press = 0; press < count + 5 && reached.Count < count; press++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<string?>("() => document.activeElement?.getAttribute('data-reach')") is { } index)
            {
                reached.Add(index);
            }
        }

        return await page.EvaluateAsync<string[]>(
            "reached => [...document.querySelectorAll('[data-reach]')].filter(el => !reached.includes(el.getAttribute('data-reach'))).map(el => el.outerHTML.slice(0, 120))",
            reached.ToArray());
    }
}
