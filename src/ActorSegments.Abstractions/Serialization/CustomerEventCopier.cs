using ActorSegments.Domain.Events;
using Orleans.Serialization.Cloning;

namespace ActorSegments.Abstractions.Serialization;

/// <summary>
/// <see cref="CustomerEvent"/> is immutable once built, so grain calls inside one silo pass it by reference instead
/// of deep-copying every event on the ingest path.
/// </summary>
[RegisterCopier]
public sealed class CustomerEventCopier : ShallowCopier<CustomerEvent>;
