using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Rules.Syntax;
using ActorSegments.Domain.Segments;
using ActorSegments.Domain.Time;
using CsCheck;

namespace ActorSegments.Domain.Tests.Rules.Oracle;

/// <summary>
/// Memberships held only for the segments a customer is in or waits on, against the engine that held an entry time
/// and a deadline for every segment of the set (<see cref="DenseMemberships"/>): the same calls give the same changes,
/// in the same order and at the same instants, the same members and the same wake-ups — through events, trait
/// changes, experiment assignments, deadlines, restores from committed members and segment sets that add, remove and
/// reorder segments.
/// </summary>
public sealed class SparseMembershipsTests
{
    private const long Base = 1_780_000_000;
    private static readonly BehaviorModel Model = BehaviorModel.Default;
    private static readonly string[] Types = ["product_viewed", "cart_added", "purchase", "page_viewed"];
    private static readonly string[] Categories = ["Audio", "Cameras", "Home"];

    [Fact]
    public void Memberships_SameCallsAsTheDenseEngine_GiveTheSameChangesMembersAndWakeUps()
    {
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var sets = Sets(random);
            var state = new CustomerState();
            var (sparse, dense) = (new Memberships(), new DenseMemberships());
            var (sparseChanges, denseChanges) = (new List<MembershipChange>(), new List<MembershipChange>());
            var set = sets[0];
            var now = Base - (random.Next(0, 60) * 86_400L);
            sparse.ApplyAll(set, state, Model, now, MembershipCause.Event, sparseChanges);
            dense.ApplyAll(set, state, Model, now, MembershipCause.Event, denseChanges);
            for (var step = 0; step < 60; step++)
            {
                var from = now;
                now += random.Next(0, 4) == 0 ? random.Next(0, 40 * 86_400) : random.Next(0, 7200);

                // Woken at each deadline in turn, or once, late, for all of them (as a customer deactivated meanwhile).
                var late = random.Next(2) == 0;
                while (sparse.NextWakeUp <= now)
                {
                    var at = late ? now : Math.Max(sparse.NextWakeUp, from);
                    var lifecycle = state.AdvanceTo(at, Model);
                    sparse.ApplyDue(set, state, Model, at, sparseChanges);
                    dense.ApplyDue(set, state, Model, at, denseChanges);
                    sparse.Apply(set, state, Model, lifecycle, at, MembershipCause.Time, sparseChanges);
                    dense.Apply(set, state, Model, lifecycle, at, MembershipCause.Time, denseChanges);
                    AssertSame(sparse, dense, sparseChanges, denseChanges, sets, $"seed {seed}, step {step}, woken at {at}");
                    from = at;
                }

                switch (random.Next(13))
                {
                    case 0:
                        // New definitions: re-evaluated in full, as the grain does on a new definitions version.
                        set = sets[random.Next(sets.Length)];
                        sparse.ApplyAll(set, state, Model, now, MembershipCause.Definition, sparseChanges);
                        dense.ApplyAll(set, state, Model, now, MembershipCause.Definition, denseChanges);
                        break;
                    case 1:
                        // New definitions reached by an event first: only the segments it affects are evaluated, the
                        // rest are due at once.
                        set = sets[random.Next(sets.Length)];
                        Apply(Event(random, now, step), set, state, now, sparse, dense, sparseChanges, denseChanges);
                        break;
                    case 2:
                        // A new activation: memberships restored from the committed members, then every segment evaluated.
                        var committed = dense.Members.ToArray();
                        sparse.Restore(committed);
                        dense.Restore(committed);
                        Assert.Equal(dense.NextWakeUp, sparse.NextWakeUp);
                        set = sets[random.Next(sets.Length)];
                        sparse.ApplyAll(set, state, Model, now, MembershipCause.Time, sparseChanges);
                        dense.ApplyAll(set, state, Model, now, MembershipCause.Time, denseChanges);
                        break;
                    case 3:
                        var trait = state.SetTrait("country", random.Next(3) == 0 ? null : TraitValue.Of(random.Next(2) == 0 ? "US" : "FR"));
                        sparse.Apply(set, state, Model, trait, now, MembershipCause.Trait, sparseChanges);
                        dense.Apply(set, state, Model, trait, now, MembershipCause.Trait, denseChanges);
                        break;
                    case 4:
                        var arm = state.AssignExperiment(RandomRules.Experiments[random.Next(2)], RandomRules.Arms[random.Next(3)], now);
                        sparse.Apply(set, state, Model, arm, now, MembershipCause.Experiment, sparseChanges);
                        dense.Apply(set, state, Model, arm, now, MembershipCause.Experiment, denseChanges);
                        break;
                    default:
                        Apply(Event(random, now, step), set, state, now, sparse, dense, sparseChanges, denseChanges);
                        break;
                }

                AssertSame(sparse, dense, sparseChanges, denseChanges, sets, $"seed {seed}, step {step}");
            }
        }, iter: 300);
    }

    private static void Apply(CustomerEvent evt, SegmentSet set, CustomerState state, long now, Memberships sparse, DenseMemberships dense, List<MembershipChange> sparseChanges, List<MembershipChange> denseChanges)
    {
        var change = state.Apply(evt, Model, now);
        sparse.Apply(set, state, Model, change, now, MembershipCause.Event, sparseChanges);
        dense.Apply(set, state, Model, change, now, MembershipCause.Event, denseChanges);
    }

    private static void AssertSame(Memberships sparse, DenseMemberships dense, List<MembershipChange> sparseChanges, List<MembershipChange> denseChanges, SegmentSet[] sets, string where)
    {
        Assert.True(denseChanges.SequenceEqual(sparseChanges), $"{where}: changes {string.Join(", ", sparseChanges)}, expected {string.Join(", ", denseChanges)}");
        Assert.Equal(dense.NextWakeUp, sparse.NextWakeUp);
        Assert.Equal(dense.Members.OrderBy(m => m.Key, StringComparer.Ordinal), sparse.Members.OrderBy(m => m.Key, StringComparer.Ordinal));
        foreach (var id in sets.SelectMany(s => s.Segments).Select(s => s.Id).Distinct())
        {
            Assert.Equal(dense.Contains(id), sparse.Contains(id));
        }

        sparseChanges.Clear();
        denseChanges.Clear();
    }

    /// <summary>
    /// Random definitions compiled into a few sets: all of them, some removed (later segments move up), and some added
    /// under ids that sort first (every segment moves down), each a different set object.
    /// </summary>
    private static SegmentSet[] Sets(Random random)
    {
        var definitions = new List<SegmentDefinition>();
        for (var i = 0; i < 14; i++)
        {
            var rules = new RandomRules(random, Base) { SegmentIds = definitions.Select(d => d.Id).ToList(), Derived = true };
            definitions.Add(new SegmentDefinition($"s{i:D2}", RuleFormatter.Format(rules.Rule())));
        }

        var fewer = definitions.Where((d, i) => i % 3 != 1).ToList();
        var added = new List<SegmentDefinition>(definitions);
        for (var i = 0; i < 3; i++)
        {
            added.Add(new SegmentDefinition($"a{i}", RuleFormatter.Format(new RandomRules(random, Base) { Derived = true }.Rule())));
        }

        return [SegmentSet.Compile(definitions, Model), SegmentSet.Compile(fewer, Model), SegmentSet.Compile(added, Model), SegmentSet.Compile(definitions, Model)];
    }

    private static CustomerEvent Event(Random random, long now, int step)
    {
        var type = Types[random.Next(Types.Length)];
        var properties = new Dictionary<string, PropertyValue>(StringComparer.Ordinal);
        if (type != "page_viewed")
        {
            properties["category"] = PropertyValue.Of(Categories[random.Next(Categories.Length)]);
        }

        if (type == "purchase")
        {
            properties["revenue"] = PropertyValue.Of(Math.Round(random.NextDouble() * 400, 2));
        }

        // Mostly recent, some late.
        var occurredAt = now - (random.Next(4) == 0 ? random.Next(0, 20 * 86_400) : random.Next(0, 600));
        return new CustomerEvent($"e{step}", type, UnixTime.ToDateTimeOffset(occurredAt), properties);
    }
}
