using System.IO.Hashing;
using System.Text;

namespace ActorSegments.Datasets.Synthetic;

/// <summary>
/// How the synthetic shop's customers answer a win-back message, by their hidden archetype: the chance of buying within
/// a week without the message, and what the message adds. The demo's strategy experiment measures these effects from
/// the outside; nothing in the engine reads this table.
/// </summary>
/// <remarks>
/// The numbers encode a familiar pattern: the customers who would buy anyway (champions) gain little from a message,
/// while the valuable customers drifting away (at-risk big spenders, loyal customers) respond most. Targeting whoever
/// bought most recently therefore reaches many customers the message does not move; targeting the drifting ones
/// reaches the persuadable. Each customer's draw is fixed by the seed and the customer id, so every arm faces the same
/// customers with the same luck and a rerun gives the same answers.
/// </remarks>
public static class CampaignResponse
{
    /// <summary>Per archetype: the chance of a purchase within 7 days unmessaged, and the lift a message adds.</summary>
    public static (double Base, double Lift) Of(CustomerArchetype archetype) => archetype switch
    {
        CustomerArchetype.Champion => (0.30, 0.02),
        CustomerArchetype.Loyal => (0.12, 0.10),
        CustomerArchetype.AtRiskBigSpender => (0.04, 0.18),
        CustomerArchetype.Lapsed => (0.01, 0.03),
        CustomerArchetype.OneTimeBuyer => (0.02, 0.05),
        CustomerArchetype.WindowShopper => (0.03, 0.04),
        CustomerArchetype.NewVisitor => (0.05, 0.03),
        _ => (0, 0),
    };

    /// <summary>Whether the customer buys within the week, messaged or not, and how much if so.</summary>
    public static Purchase? Answer(int seed, SyntheticCustomer customer, bool messaged)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var (chance, lift) = Of(customer.Archetype);
        if (Draw(seed, customer.Id, "buys") >= chance + (messaged ? lift : 0))
        {
            return null;
        }

        var premium = ArchetypeProfile.Of(customer.Archetype).Premium;
        return new Purchase(Math.Round((premium ? 80 : 25) + (Draw(seed, customer.Id, "amount") * (premium ? 220 : 60)), 2));
    }

    /// <summary>A uniform draw in [0, 1) from (seed, customer, purpose): the same for every arm and every run.</summary>
    private static double Draw(int seed, string customerId, string purpose) =>
        (XxHash64.HashToUInt64(Encoding.UTF8.GetBytes($"{seed}\0{customerId}\0{purpose}")) >> 11) * (1.0 / (1UL << 53));

    /// <summary>A purchase the customer makes in answer (or would have made anyway).</summary>
    public sealed record Purchase(double Revenue);
}
