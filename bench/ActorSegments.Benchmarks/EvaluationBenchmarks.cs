using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Segments;
using ActorSegments.Domain.Time;
using BenchmarkDotNet.Attributes;

namespace ActorSegments.Benchmarks;

/// <summary>
/// The per-event hot path of a heavy customer (about 10,000 events a year, over a year of history): apply one event, then re-evaluate the segments it can affect (out of 50),
/// including their exact next-change instants. The baseline re-evaluates all 50 for every event.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class EvaluationBenchmarks
{
    private readonly BehaviorModel _model = BehaviorModel.Default;
    private readonly List<MembershipChange> _changes = new(64);
    private SegmentSet _set = null!;
    private CustomerState _state = null!;
    private Memberships _memberships = null!;
    private EventStream _stream = null!;

    [GlobalSetup]
    public void Setup()
    {
        _set = SampleSegments.Compile(_model);
        var start = UnixTime.Seconds(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        _stream = new EventStream(start);
        _state = new CustomerState();
        _state.SetTrait("country", TraitValue.Of("US"));
        _state.SetTrait("age", TraitValue.Of(31));
        _state.SetTrait("tags", TraitValue.Of(["newsletter"]));
        _memberships = new Memberships();
        _memberships.ApplyAll(_set, _state, _model, start, MembershipCause.Definition, _changes);
        // A year and a bit of history first: a heavy customer (about 10,000 events a year) in steady state.
        for (var i = 0; i < 12_000; i++)
        {
            Step(indexed: true);
        }
    }

    [Benchmark(Description = "heavy customer: apply event + re-evaluate affected of 50 segments")]
    public int ApplyAndReevaluateAffected() => Step(indexed: true);

    [Benchmark(Baseline = true, Description = "heavy customer: apply event + re-evaluate all 50 segments")]
    public int ApplyAndReevaluateAll() => Step(indexed: false);

    private int Step(bool indexed)
    {
        var evt = _stream.Next();
        return HotPath.Step(_set, _model, _state, _memberships, evt, _stream.Now, indexed, _changes);
    }
}
