using System.Buffers;
using ActorSegments.Domain.Behavior.Lifecycle;
using ActorSegments.Domain.Schema;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Behavior.Serialization;

/// <summary>
/// The persisted form of <see cref="CustomerState"/>: a versioned, compact binary layout owned by the domain. Times are
/// written relative to the state's reference clock, so recent activity costs few bytes. Call
/// <see cref="CustomerState.Compact"/> first to compact aged buckets.
/// </summary>
public static class CustomerStateCodec
{
    // Version 2 appends the recommendations, version 3 the experiment arms, version 4 the purchase history, version 5
    // the recommendation reasons; earlier versions (without them) are still read. A state is written in the earliest
    // version that holds it: one without experiment arms or purchases as version 2, which the release before version
    // 3 reads too, so a rolling upgrade keeps working for every customer until one buys or is assigned to an
    // experiment (or, for version 5, is given recommendations with reasons).
    private const byte FormatVersion = 5;
    private const byte FirstVersionWithRecommendations = 2;
    private const byte FirstVersionWithExperiments = 3;
    private const byte FirstVersionWithPurchases = 4;
    private const byte FirstVersionWithReasons = 5;
    private const int MaxItems = 1 << 16;

    public static byte[] Serialize(CustomerState state, TimeTiers tiers)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(tiers);
        var body = new ArrayBufferWriter<byte>(256);
        var w = new CompactWriter(body);
        var reference = state.Reference == long.MinValue ? 0 : state.Reference;
        w.VarLong(reference);
        w.VarULong((ulong)state.TotalEvents);
        if (state.TotalEvents > 0)
        {
            w.VarULong((ulong)state.UntrackedEvents);
            w.VarLong(reference - state.LastSeen);
            w.VarULong((ulong)(state.LastSeen - state.FirstSeen));
            w.VarLong(state.LastActivity == long.MinValue ? long.MinValue : reference - state.LastActivity);
            WriteSeriesGroup(w, state, tiers, reference);
        }

        WriteTraits(w, state);
        w.VarULong((ulong)state.Scores.Count);
        foreach (var (name, value) in state.Scores)
        {
            w.Name(name);
            w.Number(value);
        }

        w.Name(state.Cohort ?? string.Empty);
        WriteCart(w, state.Cart, reference);
        w.Single(state.Engagement.Value);
        w.VarLong(reference - state.Engagement.Reference);
        WriteAffinity(w, state.Products, reference);
        WriteAffinity(w, state.Categories, reference);
        WriteLifecycle(w, state.Lifecycle, reference);
        WriteNames(w, state.Recommendations);

        // Each version holds the blocks of the ones before it, so a later block forces the earlier ones (empty if so).
        var withReasons = state.RecommendationReasons.Count > 0;
        var withPurchases = withReasons || state.Purchases.Count > 0;
        var withExperiments = withPurchases || state.Experiments.Count > 0;
        if (withExperiments)
        {
            WriteExperiments(w, state, reference);
        }

        if (withPurchases)
        {
            WritePurchases(w, state.Purchases, reference);
        }

        if (withReasons)
        {
            WriteNames(w, state.RecommendationReasons);
        }

        // Version, then the string table the body refers to, then the body.
        var output = new ArrayBufferWriter<byte>(body.WrittenCount + 64);
        var head = new CompactWriter(output);
        head.Byte(
            withReasons ? FirstVersionWithReasons :
            withPurchases ? FirstVersionWithPurchases :
            withExperiments ? FirstVersionWithExperiments : FirstVersionWithRecommendations);
        var names = w.Names.ToList();
        head.VarULong((ulong)names.Count);
        foreach (var name in names)
        {
            head.String(name);
        }

        output.Write(body.WrittenSpan);
        return output.WrittenSpan.ToArray();
    }

    public static CustomerState Deserialize(ReadOnlySpan<byte> bytes, TimeTiers tiers)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        var state = new CustomerState();
        if (bytes.IsEmpty)
        {
            return state;
        }

        var r = new CompactReader(bytes);
        var version = r.Byte();
        if (version is 0 or > FormatVersion)
        {
            throw new InvalidDataException($"Customer state has format version {version}; this build reads versions 1 to {FormatVersion}.");
        }

        r.ReadNames();

        var reference = r.VarLong();
        var total = (long)r.VarULong();
        if (total > 0)
        {
            var untracked = (long)r.VarULong();
            var last = reference - r.VarLong();
            var first = last - (long)r.VarULong();
            var activity = r.VarLong();
            state.RestoreCounters(reference, total, untracked, first, last, activity == long.MinValue ? long.MinValue : reference - activity);
            ReadSeriesGroup(ref r, state, tiers, reference);
        }
        else
        {
            state.RestoreCounters(reference == 0 ? long.MinValue : reference, 0, 0, long.MaxValue, long.MinValue, long.MinValue);
        }

        ReadTraits(ref r, state);
        for (var i = r.Count(MaxItems); i > 0; i--)
        {
            state.RestoreScore(r.Name(), r.Number());
        }

        var cohort = r.Name();
        state.RestoreCohort(cohort.Length == 0 ? null : cohort);
        ReadCart(ref r, state.Cart, reference);
        var engagement = r.Single();
        state.RestoreEngagement(new DecayedScore(engagement, reference - r.VarLong()));
        ReadAffinity(ref r, state.Products, reference);
        ReadAffinity(ref r, state.Categories, reference);
        ReadLifecycle(ref r, state, reference);
        if (version >= FirstVersionWithRecommendations)
        {
            state.RestoreRecommendations(ReadNames(ref r));
        }

        if (version >= FirstVersionWithExperiments)
        {
            ReadExperiments(ref r, state, reference);
        }

        if (version >= FirstVersionWithPurchases)
        {
            ReadPurchases(ref r, state, reference);
        }

        if (version >= FirstVersionWithReasons)
        {
            state.RestoreRecommendationReasons(ReadNames(ref r));
        }

        return r.AtEnd ? state : throw new InvalidDataException("Customer state has trailing bytes.");
    }

    private static void WriteNames(CompactWriter w, IReadOnlyList<string> names)
    {
        w.VarULong((ulong)names.Count);
        foreach (var name in names)
        {
            w.Name(name);
        }
    }

    private static string[] ReadNames(ref CompactReader r)
    {
        var names = new string[r.Count(MaxItems)];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = r.Name();
        }

        return names;
    }

    private static void WriteSeriesGroup(CompactWriter w, CustomerState state, TimeTiers tiers, long reference)
    {
        w.VarULong((ulong)state.EventTypes.Count);
        foreach (var (type, series) in state.EventTypes)
        {
            w.Name(type);
            SeriesCodec.Write(w, series, tiers, reference);
        }

        var sets = state.ValueSets.ToList();
        w.VarULong((ulong)sets.Count);
        foreach (var ((type, property), set) in sets)
        {
            w.Name(type);
            w.Name(property);
            w.VarULong((ulong)set.Count);
            foreach (var (value, series) in set.Values)
            {
                w.Name(value);
                SeriesCodec.Write(w, series, tiers, reference);
            }
        }
    }

    private static void ReadSeriesGroup(ref CompactReader r, CustomerState state, TimeTiers tiers, long reference)
    {
        for (var i = r.Count(MaxItems); i > 0; i--)
        {
            var type = r.Name();
            state.RestoreSeries(type, SeriesCodec.Read(ref r, tiers, reference));
        }

        for (var i = r.Count(MaxItems); i > 0; i--)
        {
            var type = r.Name();
            var property = r.Name();
            for (var j = r.Count(MaxItems); j > 0; j--)
            {
                var value = r.Name();
                state.RestoreValueSeries(type, property, value, SeriesCodec.Read(ref r, tiers, reference));
            }
        }
    }

    private static void WriteTraits(CompactWriter w, CustomerState state)
    {
        w.VarULong((ulong)state.Traits.Count);
        foreach (var (name, value) in state.Traits)
        {
            w.Name(name);
            w.Byte((byte)value.Type);
            switch (value.Type)
            {
                case DataType.String:
                    w.String(value.Text!);
                    break;
                case DataType.StringList:
                    w.VarULong((ulong)value.List!.Count);
                    foreach (var item in value.List)
                    {
                        w.String(item);
                    }

                    break;
                case DataType.Timestamp:
                    w.VarLong((long)value.Number);
                    break;
                default:
                    w.Number(value.Number);
                    break;
            }
        }
    }

    private static void ReadTraits(ref CompactReader r, CustomerState state)
    {
        for (var i = r.Count(MaxItems); i > 0; i--)
        {
            var name = r.Name();
            var type = (DataType)r.Byte();
            TraitValue value;
            switch (type)
            {
                case DataType.String:
                    value = TraitValue.Of(r.String());
                    break;
                case DataType.StringList:
                    var items = new string[r.Count(MaxItems)];
                    for (var j = 0; j < items.Length; j++)
                    {
                        items[j] = r.String();
                    }

                    value = TraitValue.Of(items);
                    break;
                case DataType.Timestamp:
                    value = TraitValue.OfTimestamp(r.VarLong());
                    break;
                case DataType.Number:
                    value = TraitValue.Of(r.Number());
                    break;
                case DataType.Bool:
                    value = TraitValue.Of(r.Number() != 0);
                    break;
                default:
                    throw new InvalidDataException($"Customer state has trait '{name}' of unknown type {(byte)type}.");
            }

            state.RestoreTrait(name, value);
        }
    }

    private static void WriteExperiments(CompactWriter w, CustomerState state, long reference)
    {
        w.VarULong((ulong)state.Experiments.Count);
        foreach (var (experiment, arm) in state.Experiments)
        {
            w.Name(experiment);
            w.Name(arm.Arm);
            w.VarLong(reference - arm.AssignedAt);
        }
    }

    private static void ReadExperiments(ref CompactReader r, CustomerState state, long reference)
    {
        for (var i = r.Count(MaxItems); i > 0; i--)
        {
            var experiment = r.Name();
            var arm = r.Name();
            state.RestoreExperiment(experiment, new AssignedArm(arm, reference - r.VarLong()));
        }
    }

    private static void WritePurchases(CompactWriter w, PurchaseHistory purchases, long reference)
    {
        w.VarULong((ulong)purchases.Count);
        foreach (var purchase in purchases.Items)
        {
            w.VarLong(reference - purchase.Time);
            w.Single(purchase.Amount);
            w.VarULong((ulong)purchase.Lines);
        }
    }

    private static void ReadPurchases(ref CompactReader r, CustomerState state, long reference)
    {
        var items = new PurchaseRecord[r.Count(PurchaseHistory.Capacity)];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = new PurchaseRecord(reference - r.VarLong(), (float)r.Single(), r.Count(ushort.MaxValue));
        }

        state.RestorePurchases(items);
    }

    private static void WriteCart(CompactWriter w, CartState cart, long reference)
    {
        w.Number(cart.Value);
        w.Number(cart.Items);
        w.VarLong(reference - cart.OpenedAt);
        w.VarLong(reference - cart.UpdatedAt);
        w.VarLong(cart.ClearedAt == long.MinValue ? long.MinValue : reference - cart.ClearedAt);
    }

    private static void ReadCart(ref CompactReader r, CartState cart, long reference)
    {
        var value = r.Number();
        var items = r.Number();
        var opened = reference - r.VarLong();
        var updated = reference - r.VarLong();
        var cleared = r.VarLong();
        cart.Restore(value, items, opened, updated, cleared == long.MinValue ? long.MinValue : reference - cleared);
    }

    private static void WriteAffinity(CompactWriter w, AffinityTable table, long reference)
    {
        w.VarULong((ulong)table.Count);
        if (table.Count == 0)
        {
            return;
        }

        w.VarLong(reference - table.Reference);
        foreach (var (key, weight) in table.Entries)
        {
            w.Name(key);
            w.Single(weight);
        }
    }

    private static void ReadAffinity(ref CompactReader r, AffinityTable table, long reference)
    {
        var count = r.Count(MaxItems);
        if (count == 0)
        {
            return;
        }

        var tableReference = reference - r.VarLong();
        var entries = new List<(string, double)>(count);
        for (var i = 0; i < count; i++)
        {
            entries.Add((r.Name(), r.Single()));
        }

        table.Restore(tableReference, entries);
    }

    private static void WriteLifecycle(CompactWriter w, LifecycleState lifecycle, long reference)
    {
        w.Byte((byte)lifecycle.Stage);
        w.VarLong(reference - lifecycle.Since);
        w.VarULong((ulong)lifecycle.History.Count);
        foreach (var transition in lifecycle.History)
        {
            w.Byte((byte)transition.Stage);
            w.Byte((byte)transition.From);
            w.VarLong(reference - transition.At);
        }
    }

    private static void ReadLifecycle(ref CompactReader r, CustomerState state, long reference)
    {
        var stage = (LifecycleStage)r.Byte();
        var since = reference - r.VarLong();
        var history = new List<LifecycleTransition>();
        for (var i = r.Count(MaxItems); i > 0; i--)
        {
            var to = (LifecycleStage)r.Byte();
            var from = (LifecycleStage)r.Byte();
            history.Add(new LifecycleTransition(to, from, reference - r.VarLong()));
        }

        state.RestoreLifecycle(stage, since, history);
    }
}
