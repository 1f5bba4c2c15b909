namespace ActorSegments.Domain.Behavior;

/// <summary>
/// One purchase as <see cref="PurchaseHistory"/> keeps it: when (Unix seconds), its amount (0 without one), and how many
/// product lines were recorded with it (0 when unknown: none arrived, or the entry was rebuilt from time buckets).
/// </summary>
public readonly record struct PurchaseRecord(long Time, float Amount, int Lines);
