namespace ActorSegments.Domain.Validation;

/// <summary>Bounds the options' <c>[Range]</c> annotations share.</summary>
public static class OptionRanges
{
    /// <summary>
    /// <see cref="TimeSpan.MaxValue"/> as an attribute argument, for a duration with a lower bound only (an attribute
    /// takes constants, and <c>[Range]</c> needs both ends).
    /// </summary>
    public const string Forever = "10675199.02:48:05.4775807";
}
