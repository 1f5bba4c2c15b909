using ActorSegments.Domain.Modeling.Uplift;

namespace ActorSegments.Abstractions.Modeling;

/// <summary>
/// The models a workspace can train: two propensities (written back as scores), recommendations, and one uplift model
/// per experiment, <c>uplift:{experiment}</c> (written back as the score of that name).
/// </summary>
public static class ModelNames
{
    public const string Purchase30d = "purchase_30d";
    public const string Churn60d = "churn_60d";
    public const string Recommendations = "recommendations";

    /// <summary>The models of fixed names; uplift models are named after their experiments.</summary>
    public static IReadOnlyList<string> All { get; } = [Purchase30d, Churn60d, Recommendations];

    /// <summary>What the name of a model to train may be, for messages.</summary>
    public static string Expected { get; } = $"{string.Join(", ", All)} or {UpliftModelName.Prefix}EXPERIMENT";

    public static bool IsPropensity(string name) => name is Purchase30d or Churn60d;

    public static bool IsUplift(string name) => UpliftModelName.IsUplift(name);

    /// <summary>Whether <paramref name="name"/> is a model a workspace can train.</summary>
    public static bool IsKnown(string name) => All.Contains(name) || IsUplift(name);

    /// <summary>Why <paramref name="name"/> is not a model to train, or null when it is one.</summary>
    public static string? Problem(string name) =>
        IsKnown(name) ? null : UpliftModelName.Problem(name) ?? $"unknown model '{name}'; expected {Expected}";
}
