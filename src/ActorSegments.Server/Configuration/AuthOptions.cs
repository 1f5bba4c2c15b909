using System.ComponentModel.DataAnnotations;

namespace ActorSegments.Server.Configuration;

/// <summary>API key authentication.</summary>
public sealed class AuthOptions : IValidatableObject
{
    public const string SectionName = "ActorSegments:Auth";

    public const int MinBootstrapKeyLength = 32;

    /// <summary>
    /// Whether calls need an API key. Unset: required on PostgreSQL, not in dev mode unless a bootstrap key is
    /// configured (so the laptop quickstart needs no key, and production cannot run open by omission).
    /// </summary>
    public bool? Required { get; set; }

    /// <summary>
    /// A key with every scope on every workspace, for creating workspaces and their first keys (at least 32
    /// characters; keep it in a secret store). Stored keys are created through the admin API.
    /// </summary>
    public string? BootstrapKey { get; set; }

    /// <summary>How long a verified key is trusted before it is looked up again: a revocation takes effect within this.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan KeyCacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The key's length is counted without surrounding spaces, which no caller would send.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BootstrapKey is { } key && key.Trim().Length < MinBootstrapKeyLength)
        {
            yield return new ValidationResult($"must be at least {MinBootstrapKeyLength} characters (got {key.Trim().Length}).", [nameof(BootstrapKey)]);
        }
    }
}
