using System.Net;
using Microsoft.Extensions.Options;

namespace ActorSegments.Server.Configuration;

internal sealed class ClusterHostingOptionsValidator : IValidateOptions<ClusterHostingOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterHostingOptions options)
    {
        var failures = new List<string>();
        CheckId(failures, nameof(ClusterHostingOptions.ServiceId), options.ServiceId);
        CheckId(failures, nameof(ClusterHostingOptions.ClusterId), options.ClusterId);
        CheckPort(failures, nameof(ClusterHostingOptions.SiloPort), options.SiloPort, allowZero: false);
        CheckPort(failures, nameof(ClusterHostingOptions.GatewayPort), options.GatewayPort, allowZero: true);
        if (!IPAddress.TryParse(options.AdvertisedAddress, out _))
        {
            failures.Add($"{Setting(nameof(ClusterHostingOptions.AdvertisedAddress))} must be an IP address such as 10.0.0.5 (got '{options.AdvertisedAddress}').");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckId(List<string> failures, string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 150 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            failures.Add($"{Setting(key)} must be 1-150 letters, digits, '-', '_' or '.' (got '{value}').");
        }
    }

    private static void CheckPort(List<string> failures, string key, int value, bool allowZero)
    {
        if (value < (allowZero ? 0 : 1) || value > 65535)
        {
            failures.Add($"{Setting(key)} must be a TCP port {(allowZero ? "0-65535 (0 disables it)" : "1-65535")} (got {value}).");
        }
    }

    private static string Setting(string key) => SettingNames.Describe(ClusterHostingOptions.SectionName, key);
}
