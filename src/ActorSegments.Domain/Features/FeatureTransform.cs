namespace ActorSegments.Domain.Features;

/// <summary>
/// How a raw feature is shaped before standardization (every feature is then z-scored against the population):
/// heavy-tailed counts and amounts are compressed with <c>log(1 + x)</c> so a handful of whales do not decide every
/// distance; rates and small capped counts are used as they are.
/// </summary>
public enum FeatureTransform
{
    None,
    Log1p,
}
