namespace ActorSegments.ML.Recommendations;

/// <summary>
/// An item another one votes for: by the cosine of their customer vectors (item-kNN), or by the EASE weight from the
/// other to this one. Either way a customer's vote for it is this times the customer's weight of the other item.
/// </summary>
internal readonly record struct ItemNeighbor(int Item, float Similarity);
