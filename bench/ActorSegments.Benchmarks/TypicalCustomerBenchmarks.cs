using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Behavior.Serialization;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Segments;
using ActorSegments.Domain.Time;
using BenchmarkDotNet.Attributes;

namespace ActorSegments.Benchmarks;

/// <summary>
/// The per-event hot path for typical customers: 1,000 customers with about 50 events each (a year at 50 a year) each
/// receive their next event. Every iteration restores the customers from snapshots first, so they stay typical
/// however long the benchmark runs. The baseline re-evaluates all 50 segments.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class TypicalCustomerBenchmarks
{
    private const int CustomerCount = 1000;
    private readonly BehaviorModel _model = BehaviorModel.Default;
    private readonly List<MembershipChange> _changes = new(64);
    private SegmentSet _set = null!;
    private byte[][] _snapshots = [];
    private KeyValuePair<string, long>[][] _members = [];
    private CustomerEvent[] _nextEvents = [];
    private long[] _nextTimes = [];
    private CustomerState[] _states = [];
    private Memberships[] _memberships = [];
    private int _customer;

    [GlobalSetup]
    public void Setup()
    {
        _set = SampleSegments.Compile(_model);
        var start = UnixTime.Seconds(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        _snapshots = new byte[CustomerCount][];
        _members = new KeyValuePair<string, long>[CustomerCount][];
        _nextEvents = new CustomerEvent[CustomerCount];
        _nextTimes = new long[CustomerCount];
        for (var c = 0; c < CustomerCount; c++)
        {
            var stream = new EventStream(start, seed: c, eventsPerYear: 50);
            var state = new CustomerState();
            state.SetTrait("country", TraitValue.Of(c % 3 == 0 ? "US" : "FR"));
            state.SetTrait("age", TraitValue.Of(20 + (c % 40)));
            var memberships = new Memberships();
            memberships.ApplyAll(_set, state, _model, start, MembershipCause.Definition, _changes);
            for (var i = 0; i < 50; i++)
            {
                var evt = stream.Next();
                if (memberships.NextWakeUp <= stream.Now)
                {
                    state.AdvanceTo(stream.Now, _model);
                    memberships.ApplyDue(_set, state, _model, stream.Now, _changes);
                }

                memberships.Apply(_set, state, _model, state.Apply(evt, _model, stream.Now), stream.Now, MembershipCause.Event, _changes);
                _changes.Clear();
            }

            state.Compact(_model);
            _snapshots[c] = CustomerStateCodec.Serialize(state, _model.Tiers);
            _members[c] = [.. memberships.Members];
            _nextEvents[c] = stream.Next();
            _nextTimes[c] = stream.Now;
        }
    }

    [IterationSetup]
    public void Restore()
    {
        _states = new CustomerState[CustomerCount];
        _memberships = new Memberships[CustomerCount];
        for (var c = 0; c < CustomerCount; c++)
        {
            _states[c] = CustomerStateCodec.Deserialize(_snapshots[c], _model.Tiers);
            _memberships[c] = new Memberships();
            _memberships[c].Restore(_members[c]);
            _memberships[c].ApplyAll(_set, _states[c], _model, _states[c].Reference, MembershipCause.Definition, _changes);
        }

        _changes.Clear();
        _customer = 0;
    }

    [Benchmark(Description = "typical customer: apply event + re-evaluate affected of 50 segments"), InvocationCount(CustomerCount)]
    public int ApplyAndReevaluateAffected() => Step(indexed: true);

    [Benchmark(Baseline = true, Description = "typical customer: apply event + re-evaluate all 50 segments"), InvocationCount(CustomerCount)]
    public int ApplyAndReevaluateAll() => Step(indexed: false);

    private int Step(bool indexed)
    {
        var c = _customer++;
        return HotPath.Step(_set, _model, _states[c], _memberships[c], _nextEvents[c], _nextTimes[c], indexed, _changes);
    }
}
