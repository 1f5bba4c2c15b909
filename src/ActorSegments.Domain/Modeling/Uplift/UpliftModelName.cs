using ActorSegments.Domain.Validation;

namespace ActorSegments.Domain.Modeling.Uplift;

/// <summary>
/// The name of an uplift model trained on one experiment, <c>uplift:{experiment}</c>: the model's name in the model
/// store, and the score it writes back (read in rules as <c>score("uplift:spring")</c> and
/// <c>percentile("uplift:spring")</c>). A workspace has as many as it has experiments, so the names are not declared
/// in its schema one by one: any well-formed one is a known score.
/// </summary>
public static class UpliftModelName
{
    public const string Prefix = "uplift:";

    /// <summary>The model (and score) name for <paramref name="experimentId"/>.</summary>
    public static string For(string experimentId) => Prefix + experimentId;

    /// <summary>Whether <paramref name="name"/> is <c>uplift:</c> followed by a valid experiment id.</summary>
    public static bool IsUplift(string? name) => ExperimentOf(name) is not null;

    /// <summary>The experiment id of an uplift model name, or null when <paramref name="name"/> is not one.</summary>
    public static string? ExperimentOf(string? name)
    {
        if (name is null || !name.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var experiment = name[Prefix.Length..];
        return Identifiers.CheckExperimentId(experiment) is null ? experiment : null;
    }

    /// <summary>What is wrong with an uplift model name, or null when it is one.</summary>
    public static string? Problem(string name) =>
        name.StartsWith(Prefix, StringComparison.Ordinal) && Identifiers.CheckExperimentId(name[Prefix.Length..]) is { } problem
            ? $"the experiment id after '{Prefix}' {problem}"
            : null;
}
