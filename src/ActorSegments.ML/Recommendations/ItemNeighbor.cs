namespace ActorSegments.ML.Recommendations;

/// <summary>An item similar to another one, by the cosine of their customer vectors.</summary>
internal readonly record struct ItemNeighbor(int Item, float Similarity);
