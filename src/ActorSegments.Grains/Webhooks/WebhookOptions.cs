using System.ComponentModel.DataAnnotations;
using System.Net;
using ActorSegments.Domain.Validation;
using ActorSegments.Domain.Webhooks;

namespace ActorSegments.Grains.Webhooks;

/// <summary>How webhooks are delivered (<c>ActorSegments:Webhooks</c>).</summary>
public sealed class WebhookOptions : IValidatableObject
{
    public const string SectionName = "ActorSegments:Webhooks";

    /// <summary>Accept plain-http destinations (development only: a signature does not hide the payload).</summary>
    public bool AllowHttp { get; set; }

    /// <summary>
    /// Networks webhooks may reach although internal (CIDR, e.g. "10.20.0.0/16" for a receiver on premises); by default
    /// none: loopback, private and link-local addresses are refused.
    /// </summary>
    public List<string> AllowedNetworks { get; set; } = [];

    /// <summary>How long one delivery may take, connecting included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The first retry's delay, doubled per failure (with jitter) up to <see cref="RetryLongest"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.01", OptionRanges.Forever)]
    public TimeSpan RetryFirst { get; set; } = WebhookBackoff.First;

    public TimeSpan RetryLongest { get; set; } = WebhookBackoff.Longest;

    /// <summary>After failing this long without a success, a destination is paused and marked failing.</summary>
    [Range(typeof(TimeSpan), "00:00:01", OptionRanges.Forever)]
    public TimeSpan PauseAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often an idle worker looks for new changes.</summary>
    [Range(typeof(TimeSpan), "00:00:00.01", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often each silo makes sure every active destination's worker is running.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", OptionRanges.Forever)]
    public TimeSpan KeeperInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Delivery attempts kept per destination.</summary>
    [Range(10, 100_000)]
    public int DeliveryLogSize { get; set; } = 1000;

    /// <summary>Messages a worker sends in one pass before letting other calls in; with more to send, the next pass follows at once.</summary>
    [Range(1, 1_000)]
    public int MessagesPerPass { get; set; } = 20;

    /// <summary>The rules between settings and of each allowed network; each setting's own range is on the property.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RetryFirst > RetryLongest)
        {
            yield return new ValidationResult($"must be at most RetryLongest ({RetryLongest}) (got {RetryFirst}).", [nameof(RetryFirst)]);
        }

        for (var i = 0; i < AllowedNetworks.Count; i++)
        {
            if (!IPNetwork.TryParse(AllowedNetworks[i], out _))
            {
                yield return new ValidationResult($"must be a network in CIDR form, e.g. 10.20.0.0/16 (got {AllowedNetworks[i]}).", [$"{nameof(AllowedNetworks)}:{i}"]);
            }
        }
    }
}
