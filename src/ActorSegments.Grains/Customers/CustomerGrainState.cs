namespace ActorSegments.Grains.Customers;

/// <summary>
/// The persisted snapshot of a customer: the domain state in its own versioned binary layout
/// (<see cref="Domain.Activity.CustomerActivityCodec"/>), so the storage row never depends on CLR type names.
/// </summary>
[GenerateSerializer, Alias("actorsegments.customer-grain-state")]
public sealed class CustomerGrainState
{
    [Id(0)] public byte[]? Activity { get; set; }
}
