namespace ActorSegments.Domain.Webhooks;

/// <summary>Which membership changes a webhook destination receives.</summary>
[Flags]
public enum WebhookKinds
{
    None = 0,

    /// <summary>A customer entered a segment (not an experiment's).</summary>
    Enter = 1,

    /// <summary>A customer left a segment (not an experiment's).</summary>
    Exit = 2,

    /// <summary>
    /// A change of an experiment arm's segment (<c>exp-{experiment}-{arm}</c>): entering is being assigned to the arm
    /// (and, for a targeted arm, matching its targeting); leaving is no longer matching the targeting.
    /// </summary>
    Experiment = 4,

    All = Enter | Exit | Experiment,
}
