using ActorSegments.Domain.Modeling.Content;
using ActorSegments.Domain.Modeling.Hybrid;

namespace ActorSegments.Domain.Tests.Modeling.Hybrid;

public sealed class HybridPayloadTests
{
    [Fact]
    public void Read_GivesBackTheBlendsAndTheCollaborativeBytes()
    {
        var options = new HybridOptions { Repeat = new Blend(0.2, 0.5), Thin = new Blend(1, 0), CandidatesPerModel = 40 };
        var model = new HybridModel(new VotingModel([]), ContentModel.Train([], ContentOptions.Default), options, new HashSet<string>());

        var (read, collaborative) = HybridPayload.Read(HybridPayload.Write(model));

        Assert.Equal(options, read);
        Assert.Equal([1, 2, 3], collaborative);
    }

    [Fact]
    public void Read_RefusesAnotherVersionATruncatedPayloadAndTrailingBytes()
    {
        var payload = HybridPayload.Write(new HybridModel(new VotingModel([]), ContentModel.Train([], ContentOptions.Default), HybridOptions.Collaborative, new HashSet<string>()));

        Assert.Contains("format version 9", Assert.Throws<InvalidDataException>(() => HybridPayload.Read([9, .. payload[1..]])).Message);
        Assert.Throws<InvalidDataException>(() => HybridPayload.Read(payload[..^1]));
        Assert.Throws<InvalidDataException>(() => HybridPayload.Read([.. payload, 0]));
    }
}
