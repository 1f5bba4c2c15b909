namespace ActorSegments.Domain.Schema;

/// <summary>
/// What a workspace declares: its event types with their properties, its traits, and the names of the model scores
/// rules may use. Rules are type-checked against it; the customer state uses it to know which properties to keep.
/// </summary>
public sealed class WorkspaceSchema
{
    private readonly Dictionary<string, EventTypeDefinition> _eventTypes;
    private readonly Dictionary<string, TraitDefinition> _traits;

    public WorkspaceSchema(
        IEnumerable<EventTypeDefinition> eventTypes,
        IEnumerable<TraitDefinition> traits,
        IEnumerable<string>? scores = null)
    {
        _eventTypes = eventTypes.ToDictionary(e => e.Name, StringComparer.Ordinal);
        _traits = traits.ToDictionary(t => t.Name, StringComparer.Ordinal);
        Scores = (scores ?? []).ToHashSet(StringComparer.Ordinal);
    }

    public IReadOnlyCollection<EventTypeDefinition> EventTypes => _eventTypes.Values;

    public IReadOnlyCollection<TraitDefinition> Traits => _traits.Values;

    public IReadOnlySet<string> Scores { get; }

    public EventTypeDefinition? EventType(string name) => _eventTypes.GetValueOrDefault(name);

    public TraitDefinition? Trait(string name) => _traits.GetValueOrDefault(name);

    /// <summary>
    /// A schema for commerce and email marketing that works without configuration: the event types the behavior
    /// model gives meaning to (views, carts, checkouts, purchases, email) and common demographic traits. Categories are
    /// tracked per value and purchase revenue per bucket; product ids and campaigns are declared but not tracked, since
    /// their many distinct values would cost every customer state space (a workspace that filters on them opts in).
    /// </summary>
    public static WorkspaceSchema Commerce { get; } = new(
        [
            new("product_viewed", [new("product_id", DataType.String), new("category", DataType.String, Tracked: true), new("price", DataType.Number)]),
            new("cart_added", [new("product_id", DataType.String), new("category", DataType.String, Tracked: true), new("price", DataType.Number), new("quantity", DataType.Number)]),
            new("cart_removed", [new("product_id", DataType.String), new("price", DataType.Number), new("quantity", DataType.Number)]),
            new("checkout_started", [new("value", DataType.Number)]),
            new("purchase", [new("revenue", DataType.Number, Tracked: true), new("items", DataType.Number), new("category", DataType.String, Tracked: true)]),
            new("email_sent", [new("campaign", DataType.String)]),
            new("email_opened", [new("campaign", DataType.String)]),
            new("email_clicked", [new("campaign", DataType.String)]),
            new("email_replied", [new("campaign", DataType.String)]),
            new("page_viewed", [new("path", DataType.String)]),
            new("search", [new("query", DataType.String)]),
        ],
        [
            new("email", DataType.String),
            new("first_name", DataType.String),
            new("country", DataType.String),
            new("city", DataType.String),
            new("age", DataType.Number),
            new("gender", DataType.String),
            new("signup_at", DataType.Timestamp),
            new("newsletter", DataType.Bool),
            new("tags", DataType.StringList),
        ],
        ["purchase_30d", "churn_60d"]);
}
