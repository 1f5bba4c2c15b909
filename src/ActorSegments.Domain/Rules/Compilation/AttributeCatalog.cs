using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Rules.Evaluation;
using ActorSegments.Domain.Schema;

namespace ActorSegments.Domain.Rules.Compilation;

/// <summary>
/// The attributes rules can name besides traits: lifecycle, cohort, RFM, engagement, email, cart, affinity and customer
/// facts, each with its type, the inputs it reads, and whether it changes with time alone.
/// </summary>
internal static class AttributeCatalog
{
    internal sealed record Entry(DataType Type, bool TimeDependent, Func<string, BehaviorModel, ValueNode> Create, Action<RuleInputs, BehaviorModel> Reads);

    private static readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal)
    {
        ["lifecycle"] = new(DataType.String, true, (t, _) => new LifecycleNode(t), (i, _) => i.AddLifecycle()),
        ["cohort"] = new(DataType.String, false, (t, _) => new CohortNode(t), (i, _) => i.AddCohort()),
        ["rfm.recency"] = Rfm(RfmNode.Measure.Recency, true),
        ["rfm.frequency"] = Rfm(RfmNode.Measure.Frequency, false),
        ["rfm.monetary"] = Rfm(RfmNode.Measure.Monetary, false),
        ["rfm.recency_score"] = Rfm(RfmNode.Measure.RecencyScore, true),
        ["rfm.frequency_score"] = Rfm(RfmNode.Measure.FrequencyScore, false),
        ["rfm.monetary_score"] = Rfm(RfmNode.Measure.MonetaryScore, false),
        ["engagement.score"] = new(DataType.Number, true, (t, _) => new EngagementScoreNode(t), (i, m) => i.AddEventTypes(m.EngagementEventTypes)),
        ["email.sent"] = Email(s => s.EmailSentEvent, rate: false),
        ["email.opened"] = Email(s => s.EmailOpenedEvent, rate: false),
        ["email.clicked"] = Email(s => s.EmailClickedEvent, rate: false),
        ["email.replied"] = Email(s => s.EmailRepliedEvent, rate: false),
        ["email.open_rate"] = Email(s => s.EmailOpenedEvent, rate: true),
        ["email.click_rate"] = Email(s => s.EmailClickedEvent, rate: true),
        ["email.reply_rate"] = Email(s => s.EmailRepliedEvent, rate: true),
        ["cart.value"] = Cart(CartNode.Measure.Value, DataType.Number, false),
        ["cart.items"] = Cart(CartNode.Measure.Items, DataType.Number, false),
        ["cart.open"] = Cart(CartNode.Measure.Open, DataType.Bool, false),
        ["cart.age"] = Cart(CartNode.Measure.Age, DataType.Duration, true),
        ["cart.abandoned"] = Cart(CartNode.Measure.Abandoned, DataType.Bool, true),
        ["affinity.top_category"] = Affinity(products: false, list: false),
        ["affinity.top_product"] = Affinity(products: true, list: false),
        ["affinity.categories"] = Affinity(products: false, list: true),
        ["affinity.products"] = Affinity(products: true, list: true),
        ["customer.events"] = Customer(CustomerNode.Measure.Events),
        ["customer.first_seen"] = Customer(CustomerNode.Measure.FirstSeen),
        ["customer.last_seen"] = Customer(CustomerNode.Measure.LastSeen),
        ["customer.last_activity"] = Customer(CustomerNode.Measure.LastActivity),
    };

    public static IEnumerable<string> Paths => _entries.Keys;

    public static Entry? Find(string path) => _entries.GetValueOrDefault(path);

    private static Entry Rfm(RfmNode.Measure measure, bool time) =>
        new(DataType.Number, time, (t, _) => new RfmNode(t, measure), (i, m) => i.AddEventTypes(m.PurchaseEventTypes));

    private static Entry Email(Func<BehaviorSettings, string> eventType, bool rate) => new(
        DataType.Number,
        false,
        (t, m) => new EmailNode(t, eventType(m.Settings), rate, m.Settings.EmailSentEvent),
        (i, m) => i.AddEventTypes(m.EmailEventTypes));

    private static Entry Cart(CartNode.Measure measure, DataType type, bool time) =>
        new(type, time, (t, _) => new CartNode(t, measure, type), (i, m) => i.AddEventTypes(m.CartEventTypes));

    private static Entry Affinity(bool products, bool list) => new(
        list ? DataType.StringList : DataType.String,
        false,
        (t, _) => new AffinityNode(t, products, list),
        (i, m) => i.AddEventTypes(m.AffinityEventTypes));

    private static Entry Customer(CustomerNode.Measure measure) => new(
        measure == CustomerNode.Measure.Events ? DataType.Number : DataType.Timestamp,
        false,
        (t, _) => new CustomerNode(t, measure),
        (i, _) => i.AddAllEvents());
}
