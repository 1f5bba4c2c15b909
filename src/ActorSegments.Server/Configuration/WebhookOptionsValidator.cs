using System.Net;
using ActorSegments.Grains.Webhooks;
using Microsoft.Extensions.Options;

namespace ActorSegments.Server.Configuration;

internal sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var failures = new List<string>();
        Check(failures, options.RequestTimeout >= TimeSpan.FromMilliseconds(100) && options.RequestTimeout <= TimeSpan.FromMinutes(5), nameof(WebhookOptions.RequestTimeout), "00:00:00.1 to 00:05:00", options.RequestTimeout);
        Check(failures, options.RetryFirst >= TimeSpan.FromMilliseconds(10) && options.RetryFirst <= options.RetryLongest, nameof(WebhookOptions.RetryFirst), $"at least 00:00:00.01 and at most RetryLongest ({options.RetryLongest})", options.RetryFirst);
        Check(failures, options.PauseAfter >= TimeSpan.FromSeconds(1), nameof(WebhookOptions.PauseAfter), "at least 00:00:01", options.PauseAfter);
        Check(failures, options.PollInterval >= TimeSpan.FromMilliseconds(10) && options.PollInterval <= TimeSpan.FromMinutes(1), nameof(WebhookOptions.PollInterval), "00:00:00.01 to 00:01:00", options.PollInterval);
        Check(failures, options.KeeperInterval >= TimeSpan.FromMilliseconds(100), nameof(WebhookOptions.KeeperInterval), "at least 00:00:00.1", options.KeeperInterval);
        Check(failures, options.DeliveryLogSize is >= 10 and <= 100_000, nameof(WebhookOptions.DeliveryLogSize), "10-100000", options.DeliveryLogSize);
        Check(failures, options.MessagesPerPass is >= 1 and <= 1000, nameof(WebhookOptions.MessagesPerPass), "1-1000", options.MessagesPerPass);
        for (var i = 0; i < options.AllowedNetworks.Count; i++)
        {
            Check(failures, IPNetwork.TryParse(options.AllowedNetworks[i], out _), $"{nameof(WebhookOptions.AllowedNetworks)}:{i}", "a network in CIDR form, e.g. 10.20.0.0/16", options.AllowedNetworks[i]);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, bool valid, string key, string expected, object actual)
    {
        if (!valid)
        {
            failures.Add($"{SettingNames.Describe(WebhookOptions.SectionName, key)} must be {expected} (got {actual}).");
        }
    }
}
