using Microsoft.Extensions.Options;

namespace ActorSegments.Server.Configuration;

internal sealed class ShutdownOptionsValidator : IValidateOptions<ShutdownOptions>
{
    private static readonly TimeSpan Longest = TimeSpan.FromMinutes(10);

    public ValidateOptionsResult Validate(string? name, ShutdownOptions options)
    {
        var failures = new List<string>();
        Check(failures, nameof(ShutdownOptions.ReadinessDelay), options.ReadinessDelay);
        Check(failures, nameof(ShutdownOptions.DrainTimeout), options.DrainTimeout);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string key, TimeSpan value)
    {
        if (value < TimeSpan.Zero || value > Longest)
        {
            failures.Add($"{SettingNames.Describe(ShutdownOptions.SectionName, key)} must be between 00:00:00 and {Longest:c} (got {value:c}).");
        }
    }
}
