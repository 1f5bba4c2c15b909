namespace ActorSegments.Datasets.Synthetic;

/// <summary>
/// One simulated customer: who they are (for traits such as email and country) and the plan the simulation follows.
/// The archetype is what a demo can compare segment membership with.
/// </summary>
/// <param name="Id">The customer id events carry, e.g. "c00042".</param>
/// <param name="Archetype">The behavior simulated.</param>
/// <param name="Email">A trait value for demos that set traits.</param>
/// <param name="Country">A trait value for demos that set traits.</param>
/// <param name="Newsletter">Whether the weekly newsletter is sent to this customer.</param>
/// <param name="FirstSeen">Midnight (UTC) of the first visit's day.</param>
/// <param name="FirstDay">Day index (0 = first simulated day) of the first visit.</param>
/// <param name="LastActiveDay">Last day index with activity of the customer's own; emails still arrive after it.</param>
/// <param name="Favorites">Categories this customer mostly browses.</param>
/// <param name="BehaviorSeed">Seeds the customer's behavior, so each enumeration of the shop replays it exactly.</param>
public sealed record SyntheticCustomer(
    string Id,
    CustomerArchetype Archetype,
    string Email,
    string Country,
    bool Newsletter,
    DateTime FirstSeen,
    int FirstDay,
    int LastActiveDay,
    IReadOnlyList<string> Favorites,
    int BehaviorSeed);
