using ActorSegments.Grains.Customers;
using Microsoft.Extensions.Options;

namespace ActorSegments.Server.Configuration;

internal sealed class IdentityOptionsValidator : IValidateOptions<IdentityOptions>
{
    public ValidateOptionsResult Validate(string? name, IdentityOptions options)
    {
        var failures = new List<string>();
        if (options.MaxAliases is < 1 or > 100_000)
        {
            failures.Add($"{Setting(nameof(IdentityOptions.MaxAliases))} must be 1-100000 (got {options.MaxAliases}).");
        }

        if (options.MaxHops is < 1 or > 64)
        {
            failures.Add($"{Setting(nameof(IdentityOptions.MaxHops))} must be 1-64 (got {options.MaxHops}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Setting(string key) => SettingNames.Describe(IdentityOptions.SectionName, key);
}
