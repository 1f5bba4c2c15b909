using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Events;
using BenchmarkDotNet.Attributes;

namespace ActorSegments.Benchmarks;

/// <summary>
/// The journal codec on the hot path: every record is encoded once when its customer commits and decoded whenever the
/// customer is rebuilt. A typical behavioral event (a purchase with five properties), a trait update of three traits
/// and a model output setting a score.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class JournalCodecBenchmarks
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly CustomerEvent _event = new("order-1043-line-2", "purchase", At, new Dictionary<string, PropertyValue>
    {
        ["product_id"] = PropertyValue.Of("sku-88412"),
        ["category"] = PropertyValue.Of("Smartphones"),
        ["revenue"] = PropertyValue.Of(129.9),
        ["quantity"] = PropertyValue.Of(1),
        ["gift"] = PropertyValue.Of(false),
    });

    private readonly TraitUpdate _traits = new("identify-77", At, [
        new("plan", TraitValue.Of("gold")),
        new("lifetime_orders", TraitValue.Of(14)),
        new("interests", TraitValue.Of(["running", "photography"])),
    ]);

    private readonly ModelOutput _output = new("purchase_30d-v3", At) { Scores = [new("purchase_30d", 0.4172)] };

    private byte[] _eventBytes = [];
    private byte[] _traitBytes = [];
    private byte[] _outputBytes = [];

    [GlobalSetup]
    public void Setup()
    {
        _eventBytes = JournalRecordCodec.Serialize(_event);
        _traitBytes = JournalRecordCodec.Serialize(_traits);
        _outputBytes = JournalRecordCodec.Serialize(_output);
    }

    [Benchmark]
    public int EncodeEvent() => JournalRecordCodec.Serialize(_event).Length;

    [Benchmark]
    public int EncodeTraitUpdate() => JournalRecordCodec.Serialize(_traits).Length;

    [Benchmark]
    public int EncodeModelOutput() => JournalRecordCodec.Serialize(_output).Length;

    [Benchmark]
    public object DecodeEvent() => JournalRecordCodec.Deserialize(_eventBytes);

    [Benchmark]
    public object DecodeTraitUpdate() => JournalRecordCodec.Deserialize(_traitBytes);

    [Benchmark]
    public object DecodeModelOutput() => JournalRecordCodec.Deserialize(_outputBytes);
}
