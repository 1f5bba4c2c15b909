using ActorSegments.Grains.Features;
using Microsoft.Extensions.Options;

namespace ActorSegments.Server.Configuration;

internal sealed class FeatureWriterOptionsValidator : IValidateOptions<FeatureWriterOptions>
{
    public ValidateOptionsResult Validate(string? name, FeatureWriterOptions options)
    {
        var failures = new List<string>();
        if (options.FlushInterval <= TimeSpan.Zero || options.FlushInterval > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{Setting(nameof(FeatureWriterOptions.FlushInterval))} must be above 0 and at most 00:10:00 (got {options.FlushInterval}).");
        }

        if (options.MaxBatch is < 1 or > 1_000_000)
        {
            failures.Add($"{Setting(nameof(FeatureWriterOptions.MaxBatch))} must be 1-1000000 (got {options.MaxBatch}).");
        }

        if (options.MaxPending < options.MaxBatch || options.MaxPending > 100_000_000)
        {
            failures.Add($"{Setting(nameof(FeatureWriterOptions.MaxPending))} must be at least MaxBatch ({options.MaxBatch}) and at most 100000000 (got {options.MaxPending}).");
        }

        if (options.MaxRetryDelay < options.FlushInterval)
        {
            failures.Add($"{Setting(nameof(FeatureWriterOptions.MaxRetryDelay))} must be at least FlushInterval ({options.FlushInterval}) (got {options.MaxRetryDelay}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Setting(string key) => SettingNames.Describe(FeatureWriterOptions.SectionName, key);
}
