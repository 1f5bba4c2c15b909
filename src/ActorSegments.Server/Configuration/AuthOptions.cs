namespace ActorSegments.Server.Configuration;

/// <summary>API key authentication.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "ActorSegments:Auth";

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
    public TimeSpan KeyCacheDuration { get; set; } = TimeSpan.FromSeconds(5);
}
