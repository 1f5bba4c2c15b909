using ActorSegments.Domain.Events;

namespace ActorSegments.Abstractions.Serialization;

[RegisterConverter]
public sealed class ModelOutputConverter : IConverter<ModelOutput, ModelOutputSurrogate>
{
    public ModelOutput ConvertFromSurrogate(in ModelOutputSurrogate surrogate)
    {
        var output = new ModelOutput(surrogate.EventId, surrogate.OccurredAt)
        {
            Scores = surrogate.Scores ?? [],
            Recommendations = surrogate.Recommendations,
            RecommendationReasons = surrogate.RecommendationReasons, // after the items they explain (ModelOutput's rule)
        };
        return surrogate.SetsCohort ? output with { Cohort = surrogate.Cohort } : output;
    }

    public ModelOutputSurrogate ConvertToSurrogate(in ModelOutput value) => new()
    {
        EventId = value.EventId,
        OccurredAt = value.OccurredAt,
        SetsCohort = value.SetsCohort,
        Cohort = value.Cohort,
        Scores = value.Scores.Count == 0 ? null : [.. value.Scores],
        Recommendations = value.Recommendations?.ToArray(),
        RecommendationReasons = value.RecommendationReasons?.ToArray(),
    };
}
