using System.ComponentModel.DataAnnotations;

namespace ActorSegments.Grains.Customers;

/// <summary>Limits of linking ids into one customer (docs/identity.md).</summary>
public sealed class IdentityOptions
{
    public const string SectionName = "ActorSegments:Identity";

    /// <summary>The most ids one customer may absorb as aliases (chains included); a link beyond it is refused.</summary>
    [Range(1, 100_000)]
    public int MaxAliases { get; set; } = 100;

    /// <summary>
    /// The most alias hops a call follows (a → b → c is two): writes, reads and links stop there with an error, so a
    /// cycle of links could never loop.
    /// </summary>
    [Range(1, 64)]
    public int MaxHops { get; set; } = 8;
}
