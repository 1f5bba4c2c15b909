using Microsoft.Extensions.Options;

namespace ActorSegments.Server.Configuration;

internal sealed class IngestOptionsValidator : IValidateOptions<IngestOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestOptions options)
    {
        var failures = new List<string>();
        if (options.MaxBatchSize is < 1 or > 10_000)
        {
            failures.Add($"{Setting(nameof(IngestOptions.MaxBatchSize))} must be 1-10000 (got {options.MaxBatchSize}).");
        }

        if (options.MaxClockSkew < TimeSpan.Zero || options.MaxClockSkew > TimeSpan.FromDays(1))
        {
            failures.Add($"{Setting(nameof(IngestOptions.MaxClockSkew))} must be between 00:00:00 and 1.00:00:00 (got {options.MaxClockSkew}).");
        }

        if (options.MaxMessageBytes is < 64 * 1024 or > 64 * 1024 * 1024)
        {
            failures.Add($"{Setting(nameof(IngestOptions.MaxMessageBytes))} must be 65536-67108864 (got {options.MaxMessageBytes}).");
        }

        if (options.MaxPropertiesPerEvent is < 0 or > 1000)
        {
            failures.Add($"{Setting(nameof(IngestOptions.MaxPropertiesPerEvent))} must be 0-1000 (got {options.MaxPropertiesPerEvent}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Setting(string key) => SettingNames.Describe(IngestOptions.SectionName, key);
}
