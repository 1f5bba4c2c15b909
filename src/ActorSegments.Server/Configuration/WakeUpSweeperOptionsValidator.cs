using ActorSegments.Grains.WakeUps;
using Microsoft.Extensions.Options;

namespace ActorSegments.Server.Configuration;

internal sealed class WakeUpSweeperOptionsValidator : IValidateOptions<WakeUpSweeperOptions>
{
    public const string SectionName = "ActorSegments:WakeUps";

    public ValidateOptionsResult Validate(string? name, WakeUpSweeperOptions options)
    {
        var failures = new List<string>();
        if (options.Interval <= TimeSpan.Zero || options.Interval > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{Setting(nameof(WakeUpSweeperOptions.Interval))} must be above 0 and at most 00:01:00 (got {options.Interval}).");
        }

        if (options.BatchSize is < 1 or > 100_000)
        {
            failures.Add($"{Setting(nameof(WakeUpSweeperOptions.BatchSize))} must be 1-100000 (got {options.BatchSize}).");
        }

        if (options.Concurrency is < 1 or > 10_000)
        {
            failures.Add($"{Setting(nameof(WakeUpSweeperOptions.Concurrency))} must be 1-10000 (got {options.Concurrency}).");
        }

        if (options.ClaimFor < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{Setting(nameof(WakeUpSweeperOptions.ClaimFor))} must be at least 00:00:01 (got {options.ClaimFor}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Setting(string key) => SettingNames.Describe(SectionName, key);
}
