using Microsoft.Extensions.Options;

namespace ActorSegments.Server.Configuration;

internal sealed class AdmissionOptionsValidator : IValidateOptions<AdmissionOptions>
{
    private static readonly TimeSpan LongestDelay = TimeSpan.FromMinutes(10);

    public ValidateOptionsResult Validate(string? name, AdmissionOptions options)
    {
        var failures = new List<string>();
        if (options.MaxEventsInFlight is < 1 or > 10_000_000)
        {
            failures.Add($"{Setting(nameof(AdmissionOptions.MaxEventsInFlight))} must be 1-10000000 (got {options.MaxEventsInFlight}).");
        }

        if (options.MaxRequestsInFlight is < 1 or > 100_000)
        {
            failures.Add($"{Setting(nameof(AdmissionOptions.MaxRequestsInFlight))} must be 1-100000 (got {options.MaxRequestsInFlight}).");
        }

        if (!(options.InitialDrainRate is >= 1 and <= 100_000_000))
        {
            failures.Add($"{Setting(nameof(AdmissionOptions.InitialDrainRate))} must be 1-100000000 events/s (got {options.InitialDrainRate}).");
        }

        if (options.MinRetryDelay <= TimeSpan.Zero || options.MinRetryDelay > LongestDelay)
        {
            failures.Add($"{Setting(nameof(AdmissionOptions.MinRetryDelay))} must be above 00:00:00 and at most {LongestDelay:c} (got {options.MinRetryDelay:c}).");
        }

        if (options.MaxRetryDelay < options.MinRetryDelay || options.MaxRetryDelay > LongestDelay)
        {
            failures.Add($"{Setting(nameof(AdmissionOptions.MaxRetryDelay))} must be between MinRetryDelay ({options.MinRetryDelay:c}) and {LongestDelay:c} (got {options.MaxRetryDelay:c}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Setting(string key) => SettingNames.Describe(AdmissionOptions.SectionName, key);
}
