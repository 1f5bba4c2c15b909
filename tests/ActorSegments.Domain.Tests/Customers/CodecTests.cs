using System.Buffers;
using ActorSegments.Domain.Activity;
using ActorSegments.Domain.Behavior.Serialization;
using ActorSegments.Domain.Customers;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Tests.Behavior;
using ActorSegments.Domain.Time;
using CsCheck;

namespace ActorSegments.Domain.Tests.Customers;

public sealed class CodecTests
{
    private static readonly Gen<PropertyValue> Values = Gen.OneOf(
        Gen.String.Select(PropertyValue.Of),
        Gen.Double.Where(d => !double.IsNaN(d)).Select(PropertyValue.Of),
        Gen.Bool.Select(PropertyValue.Of));

    private static readonly Gen<CustomerEvent> Events = Gen.Select(
        Gen.String[1, 64],
        Gen.String[1, 32],
        Gen.Long[DateTimeOffset.MinValue.UtcTicks, DateTimeOffset.MaxValue.UtcTicks],
        Gen.Dictionary(Gen.String[1, 16], Values)[0, 8],
        (id, type, ticks, properties) => new CustomerEvent(id, type, new DateTimeOffset(ticks, TimeSpan.Zero), properties));

    [Fact]
    public void CustomerEvent_RoundTripsExactly()
    {
        Events.Sample(evt =>
        {
            var copy = Assert.IsType<CustomerEvent>(JournalRecordCodec.Deserialize(JournalRecordCodec.Serialize(evt)));

            Assert.Equal((evt.EventId, evt.Type, evt.OccurredAt), (copy.EventId, copy.Type, copy.OccurredAt));
            Assert.Equal(evt.Properties.OrderBy(p => p.Key, StringComparer.Ordinal), copy.Properties.OrderBy(p => p.Key, StringComparer.Ordinal));
        }, iter: 2000);
    }

    [Fact]
    public void CustomerEvent_TruncatedOrForeignBytes_AreRejectedAsInvalidData()
    {
        var bytes = JournalRecordCodec.Serialize(new CustomerEvent("e1", "purchase", DateTimeOffset.UnixEpoch, new Dictionary<string, PropertyValue> { ["revenue"] = PropertyValue.Of(12.5) }));

        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.Throws<InvalidDataException>(() => JournalRecordCodec.Deserialize(bytes.AsSpan(0, length)));
        }

        Assert.Throws<InvalidDataException>(() => JournalRecordCodec.Deserialize([9, .. bytes[1..]]));
        Assert.Throws<InvalidDataException>(() => JournalRecordCodec.Deserialize([.. bytes, 0]));
    }

    [Fact]
    public void Snapshot_RoundTripsStateIdsAndPositions()
    {
        var state = CustomerFixtures.Build(events: 300, days: 90, types: 12, seed: 4);
        var ids = new EventIdIndex();
        for (var i = 1; i <= 2_000; i++)
        {
            ids.Add($"evt-{i}", i);
        }

        var bytes = CustomerSnapshotCodec.Serialize(new CustomerSnapshot(state, ids, JournalSequence: 2_000, DefinitionsVersion: 7), TimeTiers.Default);
        var copy = CustomerSnapshotCodec.Deserialize(bytes, TimeTiers.Default);

        Assert.Equal((2_000L, 7L), (copy.JournalSequence, copy.DefinitionsVersion));
        Assert.Equal(ids.Fingerprints.ToArray(), copy.EventIds!.Fingerprints.ToArray());
        Assert.True(Enumerable.Range(1, 2_000).All(i => copy.EventIds.Candidates($"evt-{i}").Contains(i)));
        Assert.Throws<ArgumentException>(() => CustomerSnapshotCodec.Serialize(new CustomerSnapshot(state, ids, JournalSequence: 1_999, DefinitionsVersion: 7), TimeTiers.Default));
        Assert.Equal(CustomerStateCodec.Serialize(state, TimeTiers.Default), CustomerStateCodec.Serialize(copy.State, TimeTiers.Default));
        Assert.Equal(0L, CustomerSnapshotCodec.Deserialize([], TimeTiers.Default).JournalSequence);
        Assert.Throws<InvalidDataException>(() => CustomerSnapshotCodec.Deserialize(bytes.AsSpan(0, bytes.Length - 3), TimeTiers.Default));
    }

    [Fact]
    public void Snapshot_OfFormatOne_KeepsItsStateAndSaysItsIdsAreIncomplete()
    {
        // Format 1 (before every id was kept): version, sequence, definitions, ring capacity, 64-bit hashes, state.
        var state = CustomerFixtures.Build(events: 50, days: 30, types: 4, seed: 9);
        var stateBytes = CustomerStateCodec.Serialize(state, TimeTiers.Default);
        var buffer = new ArrayBufferWriter<byte>();
        var w = new CompactWriter(buffer);
        w.Byte(1);
        w.VarLong(50);
        w.VarLong(3);
        w.VarULong(512);
        w.VarULong(2);
        buffer.Write(new byte[16]);
        w.VarULong((ulong)stateBytes.Length);
        buffer.Write(stateBytes);

        var snapshot = CustomerSnapshotCodec.Deserialize(buffer.WrittenSpan, TimeTiers.Default);

        Assert.Null(snapshot.EventIds);
        Assert.Equal((50L, 3L), (snapshot.JournalSequence, snapshot.DefinitionsVersion));
        Assert.Equal(stateBytes, CustomerStateCodec.Serialize(snapshot.State, TimeTiers.Default));
    }
}
