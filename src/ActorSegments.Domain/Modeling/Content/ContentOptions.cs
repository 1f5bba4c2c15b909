namespace ActorSegments.Domain.Modeling.Content;

/// <summary>Settings of content-based recommendations.</summary>
public sealed record ContentOptions
{
    public static ContentOptions Default { get; } = new();

    /// <summary>An interaction this long before the customer's latest one counts half as much in the profile.</summary>
    public TimeSpan HalfLife { get; init; } = TimeSpan.FromDays(60);

    /// <summary>Weights of interaction kinds in the profile, as the collaborative model weighs them.</summary>
    public double ViewWeight { get; init; } = 1;

    public double CartWeight { get; init; } = 2;

    public double PurchaseWeight { get; init; } = 3;

    /// <summary>
    /// Weight of each category path prefix ("Home", "Home &gt; Kitchen", ...) and of the brand, next to the text part
    /// whose length is 1, before the item's whole vector is scaled to length 1.
    /// </summary>
    public double CategoryWeight { get; init; } = 0.5;

    public double BrandWeight { get; init; } = 0.5;

    /// <summary>When true, items a customer bought may be recommended again (consumables); by default they are not.</summary>
    public bool RepeatPurchases { get; init; }

    public double WeightOf(InteractionKind kind) => kind switch
    {
        InteractionKind.Purchase => PurchaseWeight,
        InteractionKind.CartAdd => CartWeight,
        _ => ViewWeight,
    };
}
