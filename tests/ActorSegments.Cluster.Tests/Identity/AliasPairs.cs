using System.Globalization;
using ActorSegments.Protos.V1;
using Google.Protobuf.WellKnownTypes;

namespace ActorSegments.Cluster.Tests.Identity;

/// <summary>
/// Pairs of ids of one person: an anonymous id with a browsing history and a known id with a purchase, each pair
/// linked once by its own link id. What each sends is fixed by the pair's number, so what the survivor must hold
/// afterwards is known exactly: every event of both ids, once. Events have ids of their own per customer.
/// </summary>
internal sealed class AliasPairs(string workspaceId, int count)
{
    public const string View = "product_viewed";
    public const string Purchase = "purchase";

    /// <summary>Sent to both ids while their link runs: it lands on the survivor whichever side of the link it reaches.</summary>
    public const string Search = "search";

    /// <summary>Both ids' views end in the survivor: every anonymous id leaves it (MERGE), even known ids were in it before.</summary>
    public const string Viewers = "viewers";

    /// <summary>One purchase each before the link, two in the survivor: every known id enters at the merge, no anonymous id ever.</summary>
    public const string RepeatBuyers = "repeat_buyers";

    public string WorkspaceId { get; } = workspaceId;

    public int Count { get; } = count;

    public IReadOnlyList<(string Id, string Rule)> Segments { get; } =
    [
        (Viewers, $"did({View})"),
        (RepeatBuyers, $"count({Purchase}) >= 2"),
    ];

    public IEnumerable<int> Numbers => Enumerable.Range(0, Count);

    public static string Anonymous(int pair) => string.Create(CultureInfo.InvariantCulture, $"anon-{pair:D3}");

    public static string Known(int pair) => string.Create(CultureInfo.InvariantCulture, $"known-{pair:D3}");

    public static string LinkId(int pair) => string.Create(CultureInfo.InvariantCulture, $"signup-{pair:D3}");

    /// <summary>An even pair's known id viewed a product before the link too (it stays in <see cref="Viewers"/>); an odd one's enters at the merge.</summary>
    public static bool KnownViewedBefore(int pair) => pair % 2 == 0;

    /// <summary>Everything sent before any link, both ids of every pair.</summary>
    public IEnumerable<Event> BeforeLinks(int pair)
    {
        var (anon, known) = (Anonymous(pair), Known(pair));
        yield return Make(anon, $"{anon}-v1", View);
        yield return Make(anon, $"{anon}-v2", View);
        yield return Make(anon, $"{anon}-p1", Purchase);
        yield return Make(known, $"{known}-p1", Purchase);
        if (KnownViewedBefore(pair))
        {
            yield return Make(known, $"{known}-v1", View);
        }
    }

    /// <summary>Sent while the pair's link runs: one event to each id.</summary>
    public Event DuringLink(int pair, bool toAnonymous)
    {
        var customer = toAnonymous ? Anonymous(pair) : Known(pair);
        return Make(customer, $"{customer}-s1", Search);
    }

    /// <summary>What the known id's profile counts after the link, by type: both ids' events, each once.</summary>
    public static SortedDictionary<string, long> ExpectedCounts(int pair) => new(StringComparer.Ordinal)
    {
        [View] = KnownViewedBefore(pair) ? 3 : 2,
        [Purchase] = 2,
        [Search] = 2,
    };

    public AliasRequest Link(int pair) => new()
    {
        WorkspaceId = WorkspaceId,
        CustomerId = Known(pair),
        PreviousId = Anonymous(pair),
        LinkId = LinkId(pair),
    };

    private Event Make(string customer, string eventId, string type) => new()
    {
        WorkspaceId = WorkspaceId,
        CustomerId = customer,
        EventId = eventId,
        Type = type,
        // Comfortably in the past for every server clock on this machine (the limit is 5 minutes ahead).
        OccurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-1)),
    };
}
