namespace ActorSegments.Grains.Customers;

/// <summary>
/// The persisted snapshot of a customer, in the domain's own versioned binary layout
/// (<see cref="Domain.Customers.CustomerSnapshotCodec"/>), so the storage row never depends on CLR type names.
/// Journal entries after the snapshot's sequence are replayed on activation.
/// </summary>
[GenerateSerializer, Alias("actorsegments.customer-grain-state.v2")]
public sealed class CustomerGrainState
{
    [Id(0)] public byte[]? Snapshot { get; set; }
}
