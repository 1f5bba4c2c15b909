namespace ActorSegments.Grains.Customers;

/// <summary>
/// How an earlier release stored a customer's snapshot in Orleans' grain storage: the domain's snapshot bytes
/// (<see cref="Domain.Customers.CustomerSnapshotCodec"/>) in an Orleans-serialized wrapper. Read only to move those
/// rows into the journal's own table (the server does it once, at start).
/// </summary>
[GenerateSerializer, Alias("actorsegments.customer-grain-state.v2")]
public sealed class CustomerGrainState
{
    [Id(0)] public byte[]? Snapshot { get; set; }
}
