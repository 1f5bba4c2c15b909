namespace ActorSegments.Abstractions.Modeling;

/// <summary>The phases of a model training (<see cref="ModelJobStatus.Phase"/>): propensity, uplift and recommendation jobs.</summary>
public static class ModelJobPhases
{
    public const string Starting = "starting";
    public const string ReadingJournal = "reading journal";
    public const string BuildingFeatures = "building point-in-time features";
    public const string Evaluating = "evaluating";
    public const string Training = "training";
    public const string ScoringCustomers = "scoring customers";
    public const string PushingScores = "pushing scores";
    public const string WritingRecommendations = "writing recommendations";
    public const string Done = "done";
}
