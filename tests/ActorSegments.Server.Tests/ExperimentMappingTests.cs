using ActorSegments.Domain.Experiments;
using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Validation;
using ActorSegments.Grains.Experiments;
using ActorSegments.Server.Grpc;
using Grpc.Core;
using P = ActorSegments.Protos.V1;

namespace ActorSegments.Server.Tests;

public sealed class ExperimentMappingTests
{
    [Theory]
    [InlineData(ExperimentRefusal.NotFound, StatusCode.NotFound)]
    [InlineData(ExperimentRefusal.AlreadyExists, StatusCode.AlreadyExists)]
    [InlineData(ExperimentRefusal.VersionConflict, StatusCode.Aborted)]
    [InlineData(ExperimentRefusal.WrongStatus, StatusCode.FailedPrecondition)]
    [InlineData(ExperimentRefusal.SegmentConflict, StatusCode.FailedPrecondition)]
    public void ToException_EachRefusal_IsItsStatusWithTheProblem(ExperimentRefusal refusal, StatusCode expected)
    {
        var exception = ExperimentMapping.ToException(ExperimentChangeResult.Refused(refusal, "experiment 'x' says why"));

        Assert.Equal((expected, "experiment 'x' says why"), (exception.StatusCode, exception.Status.Detail));
    }

    [Fact]
    public void ToException_Invalid_CarriesEveryViolationAtItsPath()
    {
        var exception = ExperimentMapping.ToException(ExperimentChangeResult.Invalid([new FieldViolation("arms[1].weight", "expected a positive number"), new FieldViolation("metrics[0].where", "1:1 unknown property")]));

        Assert.Equal(StatusCode.InvalidArgument, exception.StatusCode);
        Assert.Equal(["arms[1].weight", "metrics[0].where"], GrpcErrors.ViolatedFields(exception));
    }

    [Fact]
    public void ToDomain_EmptyOptionalTexts_AreNoneAndTheSaltDefaultsToTheId()
    {
        var message = ExperimentMessages.Campaign("spring_sale");

        var definition = ExperimentMapping.ToDomain(message);

        Assert.Equal("spring_sale", definition.Salt);
        Assert.All(definition.Arms, a => Assert.Null(a.Targeting));
        Assert.Equal((null, null), (definition.Metrics[0].Where, definition.Metrics[0].Property));
        Assert.Null(definition.External);
        Assert.Equal((AssignmentMode.Randomized, MetricKind.Revenue), (definition.Mode, definition.Metrics[1].Kind));
    }

    [Fact]
    public void ToDomain_ExternalWithoutPropertyNames_TakesTheDefaultNames()
    {
        var message = ExperimentMessages.Campaign("esp_test");
        message.Assignment = P.AssignmentMode.External;
        message.Audience = string.Empty;
        message.External = new P.ExternalAssignment { EventType = "experiment_assigned" };

        var definition = ExperimentMapping.ToDomain(message);

        Assert.Equal(new ExternalAssignment("experiment_assigned", "experiment", "arm"), definition.External);
        Assert.Null(definition.Audience);
    }

    [Fact]
    public void ToProto_ThenToDomain_GivesTheSameDefinition()
    {
        var message = ExperimentMessages.Campaign("round_trip");
        message.Salt = "another salt";
        message.Arms[0].Targeting = "rfm.frequency >= 3";
        message.Metrics[0].Where = "revenue > 0";
        var definition = ExperimentMapping.ToDomain(message);
        var stored = new StoredExperiment(definition, ExperimentStatus.Running, 3, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1), null);

        var proto = ExperimentMapping.ToProto(stored);

        Assert.Equal(definition, ExperimentMapping.ToDomain(proto) with { Arms = definition.Arms, Metrics = definition.Metrics });
        Assert.Equal(definition.Arms, ExperimentMapping.ToDomain(proto).Arms);
        Assert.Equal(definition.Metrics, ExperimentMapping.ToDomain(proto).Metrics);
        Assert.Equal((P.ExperimentStatus.Running, 3, "exp-round_trip"), (proto.Status, proto.Version, proto.AudienceSegmentId));
        Assert.Null(proto.StoppedAt);
    }

    [Fact]
    public void ToProto_EveryDomainEnumValue_HasANamedProtoValue()
    {
        foreach (var status in Enum.GetValues<ExperimentStatus>())
        {
            Assert.Equal(status.ToString(), ExperimentMapping.ToProto(status).ToString());
        }

        foreach (var kind in Enum.GetValues<MetricKind>())
        {
            Assert.Equal(kind.ToString(), ExperimentMapping.ToProto(new ExperimentMetric("m", kind, "purchase", null, null, 1)).Kind.ToString());
        }
    }
}
