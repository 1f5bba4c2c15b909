namespace ActorSegments.Domain.Modeling;

/// <summary>
/// Where a customer's percentile under a propensity model is kept: beside the score, as the score
/// <c>{name}_percentile</c> (0-100), written by the same model output. Rules read it with <c>percentile("name")</c>.
/// </summary>
public static class PercentileScores
{
    public const string Suffix = "_percentile";

    public static string NameFor(string score) => score + Suffix;
}
