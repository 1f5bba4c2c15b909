using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Features;

namespace ActorSegments.Domain.Tests.Features;

/// <summary>Each feature of the row measures what docs/ml.md says, for a customer whose numbers are known by hand.</summary>
public sealed class CustomerFeaturesTests
{
    private const long Day = 86_400;
    private static readonly BehaviorModel Model = BehaviorModel.Default;
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AKnownHistory_GivesTheDocumentedValues()
    {
        var state = new CustomerState();
        Apply(state, Event("purchase", -100, ("revenue", 30)));
        Apply(state, Event("purchase", -10, ("revenue", 90)));
        Apply(state, Event("email_sent", -9), Event("email_sent", -8), Event("email_sent", -7), Event("email_sent", -6));
        Apply(state, Event("email_opened", -9), Event("email_opened", -8), Event("email_clicked", -8));
        Apply(state, View("p-1", "audio", -5), View("p-2", "audio", -5), View("p-3", "video", -3));
        Apply(state, Cart("p-1", "audio", -3), Cart("p-2", "audio", -3), Cart("p-3", "video", -2), Cart("p-3", "video", -2));

        var f = CustomerFeatures.Extract(state, Model, Now.ToUnixTimeSeconds());

        Assert.Equal(10, Value(f, "recency_days"));
        Assert.Equal(2, Value(f, "frequency"));
        Assert.Equal(120, Value(f, "monetary"));
        Assert.Equal(60, Value(f, "avg_order_value"));
        Assert.Equal(1, Value(f, "purchases_90d"));
        Assert.Equal(2, Value(f, "days_since_active"));
        Assert.Equal(100, Value(f, "tenure_days"));
        Assert.Equal(6, Value(f, "active_days_30d")); // days -10, -9, -8, -5, -3, -2; emails sent are not activity
        Assert.Equal(5, Value(f, "event_types")); // purchase, opened, clicked, viewed, carted
        Assert.Equal(0.5f, Value(f, "email_open_rate"));
        Assert.Equal(0.25f, Value(f, "email_click_rate"));
        Assert.Equal(3, Value(f, "products_viewed"));
        Assert.Equal(2, Value(f, "categories_viewed"));
        Assert.Equal(3, Value(f, "views_30d"));
        Assert.Equal(4, Value(f, "cart_adds_30d"));
        Assert.Equal(0.75f, Value(f, "cart_abandonment")); // 1 purchase in 90 days against 4 cart adds
        Assert.True(Value(f, "engagement") > 0);
    }

    [Fact]
    public void ACustomerWhoNeverBoughtOrActed_HasTheNeverValuesAndNoRates()
    {
        var state = new CustomerState();
        Apply(state, Event("email_sent", -3));

        var f = CustomerFeatures.Extract(state, Model, Now.ToUnixTimeSeconds());

        Assert.Equal((CustomerFeatures.NeverDays, CustomerFeatures.NeverDays), (Value(f, "recency_days"), Value(f, "days_since_active")));
        Assert.Equal((0f, 0f, 0f, 0f), (Value(f, "frequency"), Value(f, "monetary"), Value(f, "email_open_rate"), Value(f, "cart_abandonment")));
    }

    [Fact]
    public void AStoredRow_AgesItsDaysSinceFeaturesOnlyAndNeverPastNever()
    {
        var values = new float[CustomerFeatures.Count];
        values[CustomerFeatures.IndexOf("recency_days")] = 3;
        values[CustomerFeatures.IndexOf("days_since_active")] = 399;
        values[CustomerFeatures.IndexOf("views_30d")] = 7;
        var row = new FeatureRow("c-1", Now.ToUnixTimeSeconds(), values);

        var aged = row.AgedTo(Now.ToUnixTimeSeconds() + (5 * Day));

        Assert.Equal(8, Value(aged.Values, "recency_days"));
        Assert.Equal(CustomerFeatures.NeverDays, Value(aged.Values, "days_since_active"));
        Assert.Equal(7, Value(aged.Values, "views_30d"));
        Assert.Equal(3, Value(row.Values, "recency_days")); // the stored row is left as it was
        Assert.Same(row, row.AgedTo(row.AsOf - Day));
    }

    private static float Value(float[] features, string name) => features[CustomerFeatures.IndexOf(name)];

    private static void Apply(CustomerState state, params CustomerEvent[] events)
    {
        foreach (var evt in events)
        {
            state.Apply(evt, Model, Now.ToUnixTimeSeconds());
        }
    }

    private static CustomerEvent Event(string type, int days, params (string Name, double Value)[] numbers) =>
        new(Guid.NewGuid().ToString("N"), type, Now.AddDays(days), numbers.ToDictionary(n => n.Name, n => PropertyValue.Of(n.Value)));

    private static CustomerEvent View(string product, string category, int days) => Interaction("product_viewed", product, category, days);

    private static CustomerEvent Cart(string product, string category, int days) => Interaction("cart_added", product, category, days);

    private static CustomerEvent Interaction(string type, string product, string category, int days) =>
        new(Guid.NewGuid().ToString("N"), type, Now.AddDays(days), new Dictionary<string, PropertyValue>
        {
            ["product_id"] = PropertyValue.Of(product),
            ["category"] = PropertyValue.Of(category),
            ["price"] = PropertyValue.Of(10),
            ["quantity"] = PropertyValue.Of(1),
        });
}
