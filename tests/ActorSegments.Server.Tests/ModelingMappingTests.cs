using System.Reflection;
using ActorSegments.Abstractions.Modeling;
using ActorSegments.Domain.Modeling;
using ActorSegments.Server.Grpc;
using P = ActorSegments.Protos.V1;

namespace ActorSegments.Server.Tests;

/// <summary>Cohort runs and model trainings carry their status and phase as enums, and still as the deprecated strings.</summary>
public sealed class ModelingMappingTests
{
    [Fact]
    public void ToProto_EveryCohortRunPhase_ItsOwnEnumValueAndTheString()
    {
        var mapped = Constants(typeof(CohortRunPhases)).Select(phase =>
            (Phase: phase, Proto: ModelingMapping.ToProto(CohortRun.Start("ws", 1, "manual", DateTimeOffset.UnixEpoch) with { Phase = phase }, CohortSettings.Default))).ToList();

        Assert.All(mapped, m => Assert.True(m.Proto.RunPhase != P.CohortRunPhase.Unspecified && Enum.IsDefined(m.Proto.RunPhase), m.Phase));
        Assert.Equal(mapped.Count, mapped.Select(m => m.Proto.RunPhase).Distinct().Count());
#pragma warning disable CS0612 // the deprecated fields, filled for older clients
        Assert.All(mapped, m => Assert.Equal((m.Phase, "running", P.CohortRunStatus.Running), (m.Proto.Phase, m.Proto.Status, m.Proto.RunStatus)));
#pragma warning restore CS0612
    }

    [Fact]
    public void ToProto_EveryModelTrainingPhase_ItsOwnEnumValueAndTheString()
    {
        var mapped = Constants(typeof(ModelJobPhases)).Select(phase =>
            (Phase: phase, Proto: ModelingMapping.ToProto(new ModelJobStatus("purchase_30d", ModelJobState.Failed, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 0, phase, 0, 0, "no data")))).ToList();

        Assert.All(mapped, m => Assert.True(m.Proto.TrainingPhase != P.ModelTrainingPhase.Unspecified && Enum.IsDefined(m.Proto.TrainingPhase), m.Phase));
        Assert.Equal(mapped.Count, mapped.Select(m => m.Proto.TrainingPhase).Distinct().Count());
#pragma warning disable CS0612 // the deprecated fields, filled for older clients
        Assert.All(mapped, m => Assert.Equal((m.Phase, "failed", P.ModelTrainingState.Failed), (m.Proto.Phase, m.Proto.State, m.Proto.TrainingState)));
#pragma warning restore CS0612
    }

    [Fact]
    public void ToProto_PhaseThisBuildDoesNotKnow_Unspecified()
    {
        var run = CohortRun.Start("ws", 1, "manual", DateTimeOffset.UnixEpoch) with { Phase = "a phase of a newer build" };

        Assert.Equal(P.CohortRunPhase.Unspecified, ModelingMapping.ToProto(run, CohortSettings.Default).RunPhase);
    }

    [Fact]
    public void ToProto_EveryStatus_ItsEnumValue()
    {
        Assert.Equal(
            [P.CohortRunStatus.Running, P.CohortRunStatus.Succeeded, P.CohortRunStatus.Failed],
            Enum.GetValues<CohortRunStatus>().Select(ModelingStatusMapping.ToProto));
        Assert.Equal(
            [P.ModelTrainingState.Running, P.ModelTrainingState.Succeeded, P.ModelTrainingState.Failed],
            Enum.GetValues<ModelJobState>().Select(ModelingStatusMapping.ToProto));
    }

    private static List<string> Constants(Type type) =>
        [.. type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];
}
