using ActorSegments.Protos.V1;
using Google.Protobuf.WellKnownTypes;

namespace ActorSegments.Datasets.Synthetic;

/// <summary>An event waiting to be sorted into the day's stream; customer and sequence break ties in time.</summary>
public readonly record struct PendingEvent(long Ticks, int Customer, int Sequence, Event Event);

/// <summary>
/// One customer's behavior during one enumeration of the shop: decides day by day whether they read the newsletter,
/// browse, fill a cart and buy, and writes the events. Types and properties are those of the commerce schema
/// (<c>WorkspaceSchema.Commerce</c>); <c>wishlist_added</c> and <c>review_submitted</c> are custom, undeclared types.
/// </summary>
public sealed class Shopper(SyntheticCustomer customer, int index, string workspaceId)
{
    private static readonly string[] Pages = ["/", "/sale", "/new-arrivals", "/help/shipping", "/account"];

    private readonly Random _random = new(customer.BehaviorSeed);
    private readonly ArchetypeProfile _profile = ArchetypeProfile.Of(customer.Archetype);
    private readonly List<PendingEvent> _output = [];
    private int _sequence;
    private Product? _lastBought;

    /// <summary>Appends the events of day <paramref name="day"/> (starting at <paramref name="midnight"/>) to <paramref name="output"/>.</summary>
    public void Simulate(int day, DateTime midnight, string? campaign, List<PendingEvent> output)
    {
        if (day < customer.FirstDay)
        {
            return;
        }

        _output.Clear();
        var active = day <= customer.LastActiveDay;
        var clickedAt = campaign is not null && customer.Newsletter ? Newsletter(midnight, campaign, active) : null;
        if (clickedAt is { } click && _random.NextDouble() < 0.5)
        {
            Session(click.AddSeconds(_random.Next(60, 300)), buy: _random.NextDouble() < _profile.BuyChance);
        }

        if (day == customer.FirstDay)
        {
            Session(midnight.AddSeconds(_random.Next(7 * 3600, 21 * 3600)), buy: _profile.BuysOnFirstVisit);
        }
        else if (active && _random.NextDouble() < _profile.SessionChance)
        {
            Session(midnight.AddSeconds(_random.Next(7 * 3600, 21 * 3600)), buy: _random.NextDouble() < _profile.BuyChance);
        }

        output.AddRange(_output);
    }

    /// <summary>Sent in the morning; opened and maybe clicked only while the customer is still active. Returns the click time.</summary>
    private DateTime? Newsletter(DateTime midnight, string campaign, bool active)
    {
        var sent = midnight.AddSeconds(_random.Next(9 * 3600, 10 * 3600));
        var property = ("campaign", Value.ForString(campaign));
        Emit(sent, "email_sent", property);
        if (!active || _random.NextDouble() >= _profile.OpenChance)
        {
            return null;
        }

        var opened = sent.AddSeconds(_random.Next(300, 6 * 3600));
        Emit(opened, "email_opened", property);
        if (_random.NextDouble() >= 0.35)
        {
            return null;
        }

        var clicked = opened.AddSeconds(_random.Next(10, 300));
        Emit(clicked, "email_clicked", property);
        return clicked;
    }

    /// <summary>A visit: landing page or search, product views, maybe a cart, and a purchase when <paramref name="buy"/>.</summary>
    private void Session(DateTime start, bool buy)
    {
        var at = start;
        DateTime Next() => at = at.AddSeconds(_random.Next(20, 180));

        if (_random.NextDouble() < 0.25)
        {
            Emit(at, "page_viewed", ("path", Value.ForString(Pages[_random.Next(Pages.Length)])));
        }

        if (_lastBought is { } reviewed && _random.NextDouble() < 0.08)
        {
            Emit(Next(), "review_submitted", ("product_id", Value.ForString(reviewed.Id)), ("rating", Value.ForNumber(_random.Next(3, 6))));
        }

        var category = _random.NextDouble() < 0.7 ? customer.Favorites[_random.Next(customer.Favorites.Count)] : Catalog.CategoryNames[_random.Next(Catalog.CategoryNames.Count)];
        if (_random.NextDouble() < 0.3)
        {
            Emit(Next(), "search", ("query", Value.ForString(category.ToLowerInvariant())));
        }

        var viewed = new List<Product>();
        for (var views = _random.Next(1, 7); views > 0; views--)
        {
            var product = Catalog.ByCategory[category][_random.Next(Catalog.ByCategory[category].Count)];
            viewed.Add(product);
            Emit(Next(), "product_viewed", ProductProperties(product));
        }

        if (_random.NextDouble() < 0.05)
        {
            Emit(Next(), "wishlist_added", ("product_id", Value.ForString(viewed[^1].Id)));
        }

        if (buy)
        {
            Purchase(viewed, Next);
        }
        else if (_random.NextDouble() < (customer.Archetype == CustomerArchetype.WindowShopper ? 0.25 : 0.15))
        {
            AbandonedCart(viewed[_random.Next(viewed.Count)], Next);
        }
    }

    private void Purchase(List<Product> viewed, Func<DateTime> next)
    {
        var basket = viewed.Distinct().OrderBy(_ => _random.Next()).Take(_random.Next(1, _profile.Premium ? 4 : 3)).ToList();
        var total = 0m;
        var items = 0;
        foreach (var product in basket)
        {
            var quantity = _random.Next(1, _profile.Premium ? 3 : 2);
            total += product.Price * quantity;
            items += quantity;
            Emit(next(), "cart_added", [.. ProductProperties(product), ("quantity", Value.ForNumber(quantity))]);
        }

        Emit(next(), "checkout_started", ("value", Value.ForNumber((double)total)));
        var main = basket.MaxBy(p => p.Price)!;
        Emit(next(), "purchase", ("revenue", Value.ForNumber((double)total)), ("items", Value.ForNumber(items)), ("category", Value.ForString(main.Category)));
        _lastBought = main;
    }

    private void AbandonedCart(Product product, Func<DateTime> next)
    {
        Emit(next(), "cart_added", [.. ProductProperties(product), ("quantity", Value.ForNumber(1))]);
        var roll = _random.NextDouble();
        if (roll < 0.3)
        {
            Emit(next(), "cart_removed", ("product_id", Value.ForString(product.Id)), ("price", Value.ForNumber((double)product.Price)), ("quantity", Value.ForNumber(1)));
        }
        else if (roll < 0.5)
        {
            Emit(next(), "checkout_started", ("value", Value.ForNumber((double)product.Price)));
        }
    }

    private static (string, Value)[] ProductProperties(Product product) =>
    [
        ("product_id", Value.ForString(product.Id)),
        ("category", Value.ForString(product.Category)),
        ("price", Value.ForNumber((double)product.Price)),
    ];

    private void Emit(DateTime at, string type, params (string Name, Value Value)[] properties)
    {
        _sequence++;
        var evt = EventFactory.Create(workspaceId, customer.Id, $"{customer.Id}-{_sequence:D6}", type, at);
        foreach (var (name, value) in properties)
        {
            evt.Properties.Add(name, value);
        }

        _output.Add(new PendingEvent(at.Ticks, index, _sequence, evt));
    }
}
