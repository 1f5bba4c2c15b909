using Microsoft.Extensions.Options;

namespace ActorSegments.Server.Configuration;

internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public const int MinBootstrapKeyLength = 32;

    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        if (options.BootstrapKey is { } key && key.Trim().Length < MinBootstrapKeyLength)
        {
            failures.Add($"{Setting(nameof(AuthOptions.BootstrapKey))} must be at least {MinBootstrapKeyLength} characters (got {key.Trim().Length}).");
        }

        if (options.KeyCacheDuration < TimeSpan.Zero || options.KeyCacheDuration > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{Setting(nameof(AuthOptions.KeyCacheDuration))} must be between 00:00:00 and 00:05:00 (got {options.KeyCacheDuration}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Setting(string key) => SettingNames.Describe(AuthOptions.SectionName, key);
}
