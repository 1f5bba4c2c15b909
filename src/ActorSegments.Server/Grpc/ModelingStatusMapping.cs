using ActorSegments.Abstractions.Modeling;
using ActorSegments.Domain.Modeling;
using ProtoCohortRunPhase = ActorSegments.Protos.V1.CohortRunPhase;
using ProtoCohortRunStatus = ActorSegments.Protos.V1.CohortRunStatus;
using ProtoModelTrainingPhase = ActorSegments.Protos.V1.ModelTrainingPhase;
using ProtoModelTrainingState = ActorSegments.Protos.V1.ModelTrainingState;

namespace ActorSegments.Server.Grpc;

/// <summary>
/// The status and phase of cohort runs and model trainings as the API's enums, whose values are named as the domain
/// names them (<c>Succeeded</c>, "reading features" is <c>READING_FEATURES</c>). Phases are stored by name, so one this
/// build does not know (written by a newer one) is UNSPECIFIED rather than an error.
/// </summary>
internal static class ModelingStatusMapping
{
    private static readonly char[] WordSeparators = [' ', '-'];

    public static ProtoCohortRunStatus ToProto(CohortRunStatus status) => ByName<ProtoCohortRunStatus>(status.ToString());

    public static ProtoModelTrainingState ToProto(ModelJobState state) => ByName<ProtoModelTrainingState>(state.ToString());

    /// <param name="phase">One of <see cref="CohortRunPhases"/>.</param>
    public static ProtoCohortRunPhase RunPhase(string phase) => ByName<ProtoCohortRunPhase>(phase);

    /// <param name="phase">One of <see cref="ModelJobPhases"/>.</param>
    public static ProtoModelTrainingPhase TrainingPhase(string phase) => ByName<ProtoModelTrainingPhase>(phase);

    /// <summary>The value named by <paramref name="words"/> ("point-in-time features" is <c>PointInTimeFeatures</c>); UNSPECIFIED for none.</summary>
    private static TEnum ByName<TEnum>(string words)
        where TEnum : struct, Enum
    {
        var name = string.Concat(words.Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        return Enum.TryParse<TEnum>(name, ignoreCase: false, out var value) && Enum.IsDefined(value) ? value : default;
    }
}
