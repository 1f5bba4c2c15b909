namespace ActorSegments.Domain.Experiments;

/// <summary>What an experiment's metric measures per customer, from the customer's assignment on.</summary>
public enum MetricKind : byte
{
    /// <summary>Whether the customer did a (filtered) event within the window: 0 or 1 per customer.</summary>
    Conversion = 1,

    /// <summary>The sum of a number property over the (filtered) events within the window, per customer.</summary>
    Revenue = 2,

    /// <summary>
    /// Whether the customer did anything that counts as activity on day N after assignment (the 24 hours starting N days
    /// after it). Results count only customers whose day N is over, in the numerator and the denominator.
    /// </summary>
    Retention = 3,
}
