using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Behavior.Serialization;
using ActorSegments.Domain.Time;
using BenchmarkDotNet.Attributes;

namespace ActorSegments.Benchmarks;

/// <summary>Writing and reading a customer snapshot (done on snapshot writes and activations).</summary>
[MemoryDiagnoser]
public class StateBenchmarks
{
    private byte[] _typical = [];
    private byte[] _heavy = [];
    private CustomerState _heavyState = null!;

    [GlobalSetup]
    public void Setup()
    {
        _typical = CustomerStateCodec.Serialize(Customers.Build(events: 50, days: 180, seed: 1), TimeTiers.Default);
        _heavyState = Customers.Build(events: 10_000, days: 365, seed: 1, Customers.Mix.ShopperWithCustomTypes);
        _heavy = CustomerStateCodec.Serialize(_heavyState, TimeTiers.Default);
    }

    [Benchmark(Description = "serialize heavy customer")]
    public int SerializeHeavy() => CustomerStateCodec.Serialize(_heavyState, TimeTiers.Default).Length;

    [Benchmark(Description = "deserialize heavy customer")]
    public long DeserializeHeavy() => CustomerStateCodec.Deserialize(_heavy, TimeTiers.Default).TotalEvents;

    [Benchmark(Description = "deserialize typical customer")]
    public long DeserializeTypical() => CustomerStateCodec.Deserialize(_typical, TimeTiers.Default).TotalEvents;
}
