using ActorSegments.Domain.Activity;
using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Behavior.Serialization;
using ActorSegments.Domain.Customers;
using ActorSegments.Domain.Time;
using ActorSegments.Grains.Customers;
using ActorSegments.Postgres.Migrations;
using ActorSegments.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace ActorSegments.Server.Tests;

/// <summary>How a snapshot row of Orleans' grain storage (an earlier release's) is converted into the journal's table.</summary>
public sealed class LegacySnapshotImportTests
{
    private static readonly OrleansGrainStorageSerializer Storage = new(
        new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(CustomerGrainState).Assembly)).BuildServiceProvider().GetRequiredService<Serializer>());

    [Fact]
    public void Convert_ASnapshotWithEveryEventId_KeepsItsBytesAndSequence()
    {
        var snapshot = Snapshot(3);

        var converted = LegacySnapshotImport.Convert(Storage, Row("cust:acme/c-1", snapshot));

        Assert.Equal(("acme", "c-1", 3L), (converted.WorkspaceId, converted.CustomerId, converted.Sequence));
        Assert.Equal(snapshot, converted.Body);
    }

    [Fact]
    public void Convert_AFormatOneSnapshot_IsDropped()
    {
        var converted = LegacySnapshotImport.Convert(Storage, Row("cust:acme/c-1", FormatOne(Snapshot(3))));

        Assert.Equal("c-1", converted.CustomerId);
        Assert.Null(converted.Body);
    }

    [Theory]
    [InlineData("cust:acme/c-1", new byte[] { 1, 2, 3 })]
    [InlineData("not-a-customer-key", new byte[0])]
    public void Convert_AnUnreadableRow_IsDropped(string key, byte[] payload)
    {
        Assert.Null(LegacySnapshotImport.Convert(Storage, new LegacySnapshotRows.Row(key, payload)).Body);
    }

    private static LegacySnapshotRows.Row Row(string key, byte[] snapshot) =>
        new(key, Storage.Serialize(new CustomerGrainState { Snapshot = snapshot }).ToArray());

    private static byte[] Snapshot(int events)
    {
        var state = new CustomerState();
        var ids = new EventIdIndex();
        for (var i = 1; i <= events; i++)
        {
            ids.Add($"e{i}", i);
        }

        return CustomerSnapshotCodec.Serialize(new CustomerSnapshot(state, ids, events, 4), TimeTiers.Default);
    }

    /// <summary>The same snapshot as format 1 wrote it: only the most recent 512 ids, as 64-bit hashes.</summary>
    private static byte[] FormatOne(byte[] snapshot)
    {
        var current = CustomerSnapshotCodec.Deserialize(snapshot, TimeTiers.Default);
        var state = CustomerStateCodec.Serialize(current.State, TimeTiers.Default);
        var bytes = new List<byte> { 1 };
        VarULong(bytes, ZigZag(current.JournalSequence));
        VarULong(bytes, ZigZag(current.DefinitionsVersion));
        VarULong(bytes, 512);
        VarULong(bytes, 512);
        bytes.AddRange(new byte[512 * 8]);
        VarULong(bytes, (ulong)state.Length);
        bytes.AddRange(state);
        return [.. bytes];

        static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

        static void VarULong(List<byte> output, ulong value)
        {
            for (; value >= 0x80; value >>= 7)
            {
                output.Add((byte)(value | 0x80));
            }

            output.Add((byte)value);
        }
    }
}
