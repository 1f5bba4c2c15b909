using Microsoft.Playwright;

namespace ActorSegments.Console.Tests;

/// <summary>
/// The system's Chromium (Debian's <c>chromium</c> package; scripts/test.sh installs it when running as root): browsers
/// cannot be downloaded here, so Playwright is pointed at it. Without it the browser tests are skipped on a developer's
/// machine and fail in CI, where a skipped browser test would hide a console that no longer works.
/// </summary>
internal static class SystemChromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    public static string ExecutablePath => Environment.GetEnvironmentVariable("ACTORSEGMENTS_TEST_CHROMIUM") is { Length: > 0 } path ? path : DefaultPath;

    private static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Skips the test (fails it in CI) when Chromium is absent.</summary>
    public static void Require()
    {
        if (File.Exists(ExecutablePath))
        {
            return;
        }

        var message = $"Chromium is not installed at {ExecutablePath}: install Debian's 'chromium' package (scripts/test.sh does when run as root) or set ACTORSEGMENTS_TEST_CHROMIUM.";
        if (InCi)
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // Containers often run as root without user namespaces, where Chromium's sandbox cannot start.
            ChromiumSandbox = false,
        });
}
