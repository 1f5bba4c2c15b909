using ActorSegments.Testing.Processes;

namespace ActorSegments.Cluster.Tests.Harness;

/// <summary>One server process of a <see cref="LocalCluster"/> and the ports it listens on.</summary>
internal sealed record Silo(int Number, ServerProcess Process, int GrpcPort, int HttpPort, int SiloPort)
{
    public string GrpcAddress => $"http://127.0.0.1:{GrpcPort}";

    public Uri Health => new($"http://127.0.0.1:{HttpPort}/healthz");

    public override string ToString() => $"silo {Number} (process {Process.Id}, gRPC {GrpcPort}, silo port {SiloPort})";
}
