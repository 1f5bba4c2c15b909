using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Rules.Compilation;
using ActorSegments.Domain.Rules.Syntax;
using ActorSegments.Domain.Segments;
using ActorSegments.Domain.Time;
using CsCheck;

namespace ActorSegments.Domain.Tests.Rules.Oracle;

/// <summary>
/// The incremental engine (tiered series, compiled rules, exact next-change search, indexed re-evaluation) against the
/// naive oracle, on random event streams, random rules and evaluation times chosen where answers change.
/// </summary>
public sealed class RuleOracleTests
{
    private const long Day = 86_400;
    private const long Base = 1_780_000_000;
    private static readonly BehaviorModel Model = BehaviorModel.Default;

    private sealed record Stream(RawEvent[] Events, long[] Arrivals, Dictionary<string, TraitValue> Traits, int Seed);

    private static readonly Gen<Stream> Streams = Gen.Select(Gen.Int[0, 50], Gen.Int[1, 30], Gen.Int).Select((count, spreadDays, seed) =>
    {
        var random = new Random(seed);
        string[] types = ["product_viewed", "cart_added", "purchase", "page_viewed"];
        string?[] categories = ["Audio", "Cameras", "Home", null];
        var spread = spreadDays * 15 * Day;
        var events = new RawEvent[count];
        for (var i = 0; i < count; i++)
        {
            var type = types[random.Next(types.Length)];
            // A third of the events come in bursts: minutes after an earlier one, so buckets hold several events
            // and several buckets share a window edge.
            var time = i > 0 && random.Next(3) == 0
                ? events[random.Next(i)].Time + random.Next(0, 1200)
                : Base - (long)(random.NextDouble() * spread) + random.Next(-200, 200);
            events[i] = new RawEvent(
                type,
                time,
                type == "page_viewed" ? null : categories[random.Next(categories.Length)],
                type == "purchase" && random.Next(5) > 0 ? Math.Round(random.NextDouble() * 400, 2) : null);
        }
        // Mostly in time order, with some events arriving late.
        var ordered = events.OrderBy(e => e.Time + (random.Next(4) == 0 ? random.Next(0, (int)(30 * Day)) : 0)).ToArray();
        var arrivals = new long[count];
        long clock = Base - spread;
        for (var i = 0; i < count; i++)
        {
            clock = Math.Max(clock, ordered[i].Time) + random.Next(0, 3600);
            arrivals[i] = clock;
        }

        var traits = new Dictionary<string, TraitValue>();
        if (random.Next(2) == 0)
        {
            traits["country"] = TraitValue.Of(random.Next(2) == 0 ? "US" : "FR");
        }

        if (random.Next(2) == 0)
        {
            traits["age"] = TraitValue.Of(random.Next(15, 60));
        }

        return new Stream(ordered, arrivals, traits, seed);
    });

    [Fact]
    public void CompiledRules_AgreeWithTheOracle_AtEveryInterestingInstant()
    {
        Streams.Sample(stream =>
        {
            var state = Apply(stream, stream.Events.Length);
            var now = state.Reference == long.MinValue ? Base : state.Reference;
            var oracle = new NaiveEvaluator(stream.Events, stream.Traits, Model);
            var random = new Random(stream.Seed);
            for (var r = 0; r < 6; r++)
            {
                var syntax = new RandomRules(random, now).Rule();
                var text = RuleFormatter.Format(syntax);
                var rule = RuleCompiler.Compile(text, Model).Rule ?? throw new InvalidOperationException($"generated rule did not compile: {text}");
                foreach (var at in InterestingInstants(stream, rule, state, now, random))
                {
                    Assert.True(oracle.Holds(syntax, at) == rule.Evaluate(state, Model, at),
                        $"rule {text} at {at} (now {now}): oracle {oracle.Holds(syntax, at)}, engine {rule.Evaluate(state, Model, at)}; seed {stream.Seed}");
                }

                AssertNextChangeIsExact(oracle, syntax, rule, state, now, text);
            }
        }, iter: 2000);
    }

    [Fact]
    public void IndexedReevaluation_GivesTheSameMembershipsAsReevaluatingEverything()
    {
        Streams.Sample(stream =>
        {
            var random = new Random(stream.Seed);
            var definitions = new List<SegmentDefinition>();
            for (var i = 0; i < 8; i++)
            {
                var rules = new RandomRules(random, Base) { SegmentIds = definitions.Select(d => d.Id).ToList(), Derived = true };
                definitions.Add(new SegmentDefinition($"s{i}", RuleFormatter.Format(rules.Rule())));
            }

            var set = SegmentSet.Compile(definitions, Model);
            Assert.Empty(set.Errors);
            var state = new CustomerState();
            state.SetTrait("country", TraitValue.Of("US"));
            var (indexed, full) = (new Memberships(), new Memberships());
            var changes = new List<MembershipChange>();
            var oracle = new NaiveEvaluator(stream.Events, stream.Traits, Model)
            {
                Segments = definitions.ToDictionary(d => d.Id, d => RuleParser.Parse(d.Rule)),
            };

            if (stream.Events.Length > 0)
            {
                // A customer evaluates every segment once when it comes to life (rules like "never bought" hold at once).
                indexed.ApplyAll(set, state, Model, stream.Arrivals[0], MembershipCause.Definition, changes);
            }

            for (var i = 0; i < stream.Events.Length; i++)
            {
                var now = stream.Arrivals[i];
                // Wake for anything due before this event, as the grain does.
                while (indexed.NextWakeUp <= now)
                {
                    var due = indexed.NextWakeUp;
                    state.AdvanceTo(due, Model);
                    indexed.ApplyDue(set, state, Model, due, changes);
                    full.ApplyAll(set, state, Model, due, MembershipCause.Time, changes);
                    Assert.Equal(full.Members.Keys.Order(), indexed.Members.Keys.Order());
                }

                var change = state.Apply(Event(stream.Events[i], i), Model, now);
                indexed.Apply(set, state, Model, change, now, MembershipCause.Event, changes);
                full.ApplyAll(set, state, Model, now, MembershipCause.Event, changes);
                if (random.Next(4) == 0)
                {
                    // Assignments (the first per experiment holds) re-evaluate only the segments reading that experiment.
                    var assigned = new List<ChangeSet>();
                    var assignment = ExperimentAssignment.For(RandomRules.Experiments[random.Next(2)], RandomRules.Arms[random.Next(3)], UnixTime.ToDateTimeOffset(now));
                    state.ApplyRecorded(assignment, Model, now, assigned);
                    indexed.Apply(set, state, Model, assigned[0], now, MembershipCause.Experiment, changes);
                    full.ApplyAll(set, state, Model, now, MembershipCause.Experiment, changes);
                }

                var differing = full.Members.Keys.Except(indexed.Members.Keys).Concat(indexed.Members.Keys.Except(full.Members.Keys)).ToList();
                Assert.True(differing.Count == 0, $"after event {i} ({stream.Events[i]}) at {now}: {string.Join("; ", differing.Select(id => $"{id}: {definitions.First(d => d.Id == id).Rule} full={full.Contains(id)}"))}");
            }
        }, iter: 400);
    }

    /// <summary>Just before, at and after every bucket exit of every event for every window; plus random times.</summary>
    private static IEnumerable<long> InterestingInstants(Stream stream, CompiledRule rule, CustomerState state, long now, Random random)
    {
        yield return now;
        var next = rule.NextChange(state, Model, now);
        if (next != UnixTime.Never)
        {
            yield return next - 1;
            yield return next;
        }

        foreach (var e in stream.Events.OrderBy(_ => random.Next()).Take(6))
        {
            foreach (var window in new[] { 48 * 3600L, (7 * Day) + 17, 30 * Day, 90 * Day, 400 * Day })
            {
                var exit = Model.Tiers.WindowExit(e.Time, window);
                if (exit >= now)
                {
                    yield return exit - 1;
                    yield return exit;
                }
            }
        }

        for (var i = 0; i < 4; i++)
        {
            yield return now + random.Next(0, (int)(120 * Day));
        }
    }

    /// <summary>Nothing changes between now and NextChange (checked at random points); at NextChange it does.</summary>
    private static void AssertNextChangeIsExact(NaiveEvaluator oracle, Domain.Rules.Ast.Condition syntax, CompiledRule rule, CustomerState state, long now, string text)
    {
        var initial = oracle.Holds(syntax, now);
        var next = rule.NextChange(state, Model, now);
        var horizon = next == UnixTime.Never ? now + (500 * Day) : next;
        foreach (var probe in new[] { now + 1, (now + horizon) / 2, horizon - 1 }.Where(p => p > now && p < horizon))
        {
            Assert.True(oracle.Holds(syntax, probe) == initial, $"rule {text} changed at {probe}, before its next change {next} (now {now})");
        }

        if (next != UnixTime.Never)
        {
            Assert.True(next > now, $"rule {text}: next change {next} is not after now {now}");
            Assert.True(oracle.Holds(syntax, next) != initial, $"rule {text}: nothing changes at its next change {next} (now {now})");
        }
    }

    private static CustomerState Apply(Stream stream, int count)
    {
        var state = new CustomerState();
        foreach (var (name, value) in stream.Traits)
        {
            state.SetTrait(name, value);
        }

        for (var i = 0; i < count; i++)
        {
            state.Apply(Event(stream.Events[i], i), Model, stream.Arrivals[i]);
        }

        return state;
    }

    private static CustomerEvent Event(RawEvent raw, int index)
    {
        var properties = new Dictionary<string, PropertyValue>();
        if (raw.Category is not null)
        {
            properties["category"] = PropertyValue.Of(raw.Category);
        }

        if (raw.Revenue is not null)
        {
            properties["revenue"] = PropertyValue.Of(raw.Revenue.Value);
        }

        return new CustomerEvent($"e{index}", raw.Type, UnixTime.ToDateTimeOffset(raw.Time), properties);
    }
}
