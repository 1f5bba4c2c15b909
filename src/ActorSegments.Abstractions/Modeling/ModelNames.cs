namespace ActorSegments.Abstractions.Modeling;

/// <summary>The models a workspace can train: two propensities (written back as scores) and recommendations.</summary>
public static class ModelNames
{
    public const string Purchase30d = "purchase_30d";
    public const string Churn60d = "churn_60d";
    public const string Recommendations = "recommendations";

    public static IReadOnlyList<string> All { get; } = [Purchase30d, Churn60d, Recommendations];

    public static bool IsPropensity(string name) => name is Purchase30d or Churn60d;
}
