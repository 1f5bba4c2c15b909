namespace ActorSegments.Datasets.Synthetic;

/// <summary>The kinds of customer the synthetic shop simulates, one per demo segment that should have members.</summary>
public enum CustomerArchetype
{
    /// <summary>Buys often and recently, big baskets.</summary>
    Champion,

    /// <summary>Buys now and then, still active.</summary>
    Loyal,

    /// <summary>Bought big and often, then went quiet for the last ~40% of the period.</summary>
    AtRiskBigSpender,

    /// <summary>Bought once or twice early on, then no activity at all for the last ~70% of the period.</summary>
    Lapsed,

    /// <summary>Exactly one purchase, occasional views afterwards.</summary>
    OneTimeBuyer,

    /// <summary>Views and sometimes fills a cart, never buys.</summary>
    WindowShopper,

    /// <summary>First seen in the last week; browses, has not bought.</summary>
    NewVisitor,
}

/// <summary>How one archetype behaves; day windows are fractions of the simulated period so any length works.</summary>
/// <param name="Archetype">The archetype described.</param>
/// <param name="Share">Customers of this archetype per 100.</param>
/// <param name="FirstDayBefore">The first visit falls uniformly in [0, this fraction of the period).</param>
/// <param name="QuietFraction">The trailing fraction of the period with no activity of the customer's own.</param>
/// <param name="SessionChance">Chance of a browsing session on an active day.</param>
/// <param name="BuyChance">Chance a later session ends in a purchase (the first session of a buyer always does).</param>
/// <param name="BuysOnFirstVisit">Whether the first session ends in a purchase, so every buyer archetype has bought.</param>
/// <param name="Premium">Prefers the expensive categories and larger baskets.</param>
/// <param name="OpenChance">Chance of opening a newsletter received while active.</param>
public sealed record ArchetypeProfile(
    CustomerArchetype Archetype,
    int Share,
    double FirstDayBefore,
    double QuietFraction,
    double SessionChance,
    double BuyChance,
    bool BuysOnFirstVisit,
    bool Premium,
    double OpenChance)
{
    public static IReadOnlyList<ArchetypeProfile> All { get; } =
    [
        new(CustomerArchetype.Champion, 10, 0.1, 0, 0.30, 0.5, true, true, 0.6),
        new(CustomerArchetype.Loyal, 18, 0.3, 0, 0.12, 0.3, true, false, 0.4),
        new(CustomerArchetype.AtRiskBigSpender, 7, 0.1, 0.4, 0.30, 0.5, true, true, 0.3),
        new(CustomerArchetype.Lapsed, 15, 0.2, 0.7, 0.08, 0.35, true, false, 0.2),
        new(CustomerArchetype.OneTimeBuyer, 15, 0.9, 0, 0.02, 0, true, false, 0.2),
        new(CustomerArchetype.WindowShopper, 22, 0.5, 0, 0.15, 0, false, false, 0.3),
        new(CustomerArchetype.NewVisitor, 13, 1, 0, 0.35, 0, false, false, 0.4),
    ];

    public static ArchetypeProfile Of(CustomerArchetype archetype) => All[(int)archetype];

    /// <summary>
    /// Archetypes for <paramref name="count"/> customers in the shares above, then shuffled with
    /// <paramref name="random"/>. One of each comes first and the rest are interleaved by share, so even a small
    /// population has every archetype in about the right proportions.
    /// </summary>
    public static CustomerArchetype[] Assign(int count, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var rest = All.SelectMany(p => Enumerable.Range(0, p.Share - 1).Select(j => (p.Archetype, Position: (j + 0.5) / (p.Share - 1))));
        var pattern = All.Select(p => p.Archetype)
            .Concat(rest.OrderBy(r => r.Position).ThenBy(r => r.Archetype).Select(r => r.Archetype))
            .ToArray();
        var assigned = Enumerable.Range(0, count).Select(i => pattern[i % pattern.Length]).ToArray();
        random.Shuffle(assigned);
        return assigned;
    }
}
