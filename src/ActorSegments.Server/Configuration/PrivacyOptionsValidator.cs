using ActorSegments.Grains.Privacy;
using Microsoft.Extensions.Options;

namespace ActorSegments.Server.Configuration;

internal sealed class PrivacyOptionsValidator : IValidateOptions<PrivacyOptions>
{
    public const string SectionName = "ActorSegments:Privacy";

    public ValidateOptionsResult Validate(string? name, PrivacyOptions options)
    {
        var failures = new List<string>();
        if (options.ErasedExitsVisibleFor < TimeSpan.Zero || options.ErasedExitsVisibleFor > TimeSpan.FromDays(90))
        {
            failures.Add($"{Setting(nameof(PrivacyOptions.ErasedExitsVisibleFor))} must be 00:00:00 (redact at once) to 90.00:00:00 (got {options.ErasedExitsVisibleFor}).");
        }

        if (options.RedactionInterval <= TimeSpan.Zero || options.RedactionInterval > TimeSpan.FromHours(1))
        {
            failures.Add($"{Setting(nameof(PrivacyOptions.RedactionInterval))} must be above 0 and at most 01:00:00 (got {options.RedactionInterval}).");
        }

        if (options.RedactionBatch is < 1 or > 100_000)
        {
            failures.Add($"{Setting(nameof(PrivacyOptions.RedactionBatch))} must be 1-100000 (got {options.RedactionBatch}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Setting(string key) => SettingNames.Describe(SectionName, key);
}
