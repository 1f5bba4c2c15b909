using System.Collections.Concurrent;
using ActorSegments.Domain.Schema;
using ActorSegments.Domain.Time;

namespace ActorSegments.Domain.Behavior;

/// <summary>
/// A workspace's schema and behavior settings, prepared once and shared (read-only, thread-safe) by every customer of
/// the workspace and by the rule compiler.
/// </summary>
public sealed class BehaviorModel
{
    private const int MaxCachedUndeclaredTypes = 1024;

    private readonly Dictionary<string, EventTypeModel> _declared;
    private readonly ConcurrentDictionary<string, EventTypeModel> _undeclared = new(StringComparer.Ordinal);

    public BehaviorModel(WorkspaceSchema schema, BehaviorSettings settings)
    {
        Schema = schema ?? throw new ArgumentNullException(nameof(schema));
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
        Tiers = new TimeTiers(settings.Horizon);
        _declared = schema.EventTypes.ToDictionary(e => e.Name, e => new EventTypeModel(e.Name, e, settings), StringComparer.Ordinal);

        PurchaseEventTypes = new HashSet<string>([settings.PurchaseEvent], StringComparer.Ordinal);
        CartEventTypes = settings.CartAddEvents.Concat(settings.CartRemoveEvents).Concat(settings.CheckoutEvents).Append(settings.PurchaseEvent).ToHashSet(StringComparer.Ordinal);
        EmailEventTypes = new HashSet<string>([settings.EmailSentEvent, settings.EmailOpenedEvent, settings.EmailClickedEvent, settings.EmailRepliedEvent], StringComparer.Ordinal);
        EngagementEventTypes = settings.EngagementWeights.Keys.ToHashSet(StringComparer.Ordinal);
        AffinityEventTypes = settings.AffinityWeights.Keys.ToHashSet(StringComparer.Ordinal);
    }

    public static BehaviorModel Default { get; } = new(WorkspaceSchema.Commerce, BehaviorSettings.Default);

    public WorkspaceSchema Schema { get; }

    public BehaviorSettings Settings { get; }

    public TimeTiers Tiers { get; }

    /// <summary>Event types whose events change RFM values.</summary>
    public IReadOnlySet<string> PurchaseEventTypes { get; }

    public IReadOnlySet<string> CartEventTypes { get; }

    public IReadOnlySet<string> EmailEventTypes { get; }

    public IReadOnlySet<string> EngagementEventTypes { get; }

    public IReadOnlySet<string> AffinityEventTypes { get; }

    public EventTypeModel EventType(string name)
    {
        if (_declared.TryGetValue(name, out var declared))
        {
            return declared;
        }

        if (_undeclared.TryGetValue(name, out var known))
        {
            return known;
        }

        var model = new EventTypeModel(name, definition: null, Settings);
        return _undeclared.Count < MaxCachedUndeclaredTypes ? _undeclared.GetOrAdd(name, model) : model;
    }
}
