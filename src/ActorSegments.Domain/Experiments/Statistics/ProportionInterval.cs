namespace ActorSegments.Domain.Experiments.Statistics;

/// <summary>Intervals for a share of successes: conversion rates of arms, the matching share of a sampled audience.</summary>
public static class ProportionInterval
{
    /// <summary>
    /// The Wilson score interval: the rates p whose score test |p̂ − p| / √(c·p(1 − p)/n) ≤ z does not reject, i.e.
    /// (p̂ + cz²/2n ± z√(c·p̂(1 − p̂)/n + c²z²/4n²)) / (1 + cz²/n). Unlike p̂ ± z√(p̂(1 − p̂)/n) it keeps its coverage near
    /// 0 and 1 and never leaves [0, 1]. With no population given (c = 1) it matches statsmodels'
    /// proportion_confint(method="wilson"); a sample of n drawn without replacement from a population of N has its
    /// variance scaled by the finite-population correction c = (N − n)/(N − 1), so the interval closes as n nears N.
    /// </summary>
    public static ConfidenceInterval Wilson(long successes, long n, double level, long? population = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        var rate = (double)successes / n;
        var correction = population is { } total && total > 1 ? Math.Max(0, (double)(total - n) / (total - 1)) : 1;
        var z = Distributions.NormalCritical(level);
        var z2 = z * z * correction;
        var denominator = 1 + (z2 / n);
        var center = (rate + (z2 / (2 * n))) / denominator;
        var halfWidth = Math.Sqrt(z2 * ((rate * (1 - rate) / n) + (z2 / (4.0 * n * n)))) / denominator;
        return ConfidenceInterval.Around(center, halfWidth, level);
    }
}
