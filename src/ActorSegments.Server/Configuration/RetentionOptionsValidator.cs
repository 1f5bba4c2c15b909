using ActorSegments.Grains.Privacy;
using Microsoft.Extensions.Options;

namespace ActorSegments.Server.Configuration;

internal sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        var failures = new List<string>();
        if (options.Interval <= TimeSpan.Zero || options.Interval > TimeSpan.FromHours(1))
        {
            failures.Add($"{Setting(nameof(RetentionOptions.Interval))} must be above 0 and at most 01:00:00 (got {options.Interval}).");
        }

        if (options.PassEvery < TimeSpan.Zero)
        {
            failures.Add($"{Setting(nameof(RetentionOptions.PassEvery))} must not be negative (got {options.PassEvery}).");
        }

        if (options.BatchSize is < 1 or > 100_000)
        {
            failures.Add($"{Setting(nameof(RetentionOptions.BatchSize))} must be 1-100000 (got {options.BatchSize}).");
        }

        if (options.SnapshotConcurrency is < 1 or > 1_000)
        {
            failures.Add($"{Setting(nameof(RetentionOptions.SnapshotConcurrency))} must be 1-1000 (got {options.SnapshotConcurrency}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Setting(string key) => SettingNames.Describe(RetentionOptions.SectionName, key);
}
