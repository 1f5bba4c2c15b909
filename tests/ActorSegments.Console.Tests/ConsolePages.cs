using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ActorSegments.Console.Tests;

/// <summary>What a user does on the console, in the words of its labels and roles.</summary>
internal static class ConsolePages
{
    /// <summary>Waits this long for what a live page shows (a count after an event); it polls, it does not sleep.</summary>
    public static readonly LocatorAssertionsToHaveTextOptions Live = new() { Timeout = 20_000 };

    /// <summary>Where <see cref="ScreenshotAsync"/> saves pages (scripts/console-screenshots.sh sets it); unset, no screenshot is taken.</summary>
    public const string ScreenshotsVariable = "ACTORSEGMENTS_CONSOLE_SCREENSHOTS";

    /// <summary>Saves the whole page as docs/console/{name}.png when screenshots are asked for (a laptop's width).</summary>
    public static async Task ScreenshotAsync(this IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable(ScreenshotsVariable) is not { Length: > 0 } directory)
        {
            return;
        }

        await page.SetViewportSizeAsync(1280, 800);
        await page.ScreenshotAsync(new() { Path = Path.Combine(directory, name + ".png"), FullPage = true });
    }

    /// <summary>Opens <paramref name="url"/> again until <paramref name="ready"/> is on it (what a server computes in the background).</summary>
    public static Task UntilShownAsync(this IPage page, string url, ILocator ready) =>
        ActorSegments.Testing.Eventually.ReturnsAsync(
            async () =>
            {
                await page.GotoAsync(url);
                return await ready.CountAsync();
            },
            count => count > 0,
            TimeSpan.FromMinutes(2));

    public static async Task SignInAsync(this IPage page, string key)
    {
        await page.GotoAsync("console/signin");
        await page.GetByLabel("API key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    /// <summary>Waits until the page's live part is connected to the server (before that, what one types is not seen).</summary>
    public static Task WaitUntilInteractiveAsync(this IPage page) =>
        Expect(page.Locator("[data-interactive=true]").First).ToBeAttachedAsync();

    /// <summary>The antiforgery token the page's forms carry (the sign-out form is on every page).</summary>
    public static Task<string> AntiforgeryTokenAsync(this IPage page) =>
        page.Locator("input[name=__RequestVerificationToken]").First.InputValueAsync();

    /// <summary>Posts a form with the page's cookies, as a forged or hand-made request would, bypassing the page's controls.</summary>
    public static Task<IAPIResponse> PostFormAsync(this IPage page, string url, params (string Name, string Value)[] fields)
    {
        var form = page.APIRequest.CreateFormData();
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }

        return page.APIRequest.PostAsync(url, new() { Form = form, MaxRedirects = 0 });
    }
}
