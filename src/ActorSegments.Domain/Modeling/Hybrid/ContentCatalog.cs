using ActorSegments.Domain.Catalog;
using ActorSegments.Domain.Modeling.Content;

namespace ActorSegments.Domain.Modeling.Hybrid;

/// <summary>
/// The content model over the catalog as known at a time, for <see cref="HybridSelection"/>: a loaded catalog is what
/// the workspace says it sells and has no history, so it is taken whole at any time; a catalog derived from events
/// holds at a time only the items some interaction had named before it, so a choice made on the past never sees an
/// item that only appears later. Models are built once per time asked.
/// </summary>
public sealed class ContentCatalog
{
    private readonly IReadOnlyList<CatalogItem> _items;
    private readonly IReadOnlyDictionary<string, long>? _firstSeen;
    private readonly ContentOptions _options;
    private readonly Dictionary<long, ContentModel> _models = [];
    private ContentModel? _whole;

    private ContentCatalog(IReadOnlyList<CatalogItem> items, IReadOnlyDictionary<string, long>? firstSeen, ContentOptions options) =>
        (_items, _firstSeen, _options) = (items, firstSeen, options);

    public static ContentCatalog Loaded(IReadOnlyList<CatalogItem> items, ContentOptions options) =>
        new(items ?? throw new ArgumentNullException(nameof(items)), null, options ?? throw new ArgumentNullException(nameof(options)));

    /// <summary>A derived catalog, its items dated by the first interaction naming them.</summary>
    public static ContentCatalog Derived(IReadOnlyList<CatalogItem> items, IEnumerable<ItemInteraction> interactions, ContentOptions options)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(options);
        var firstSeen = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var interaction in interactions)
        {
            firstSeen[interaction.ItemId] = Math.Min(firstSeen.GetValueOrDefault(interaction.ItemId, long.MaxValue), interaction.At);
        }

        return new ContentCatalog(items, firstSeen, options);
    }

    /// <summary>Every item, loaded or derived.</summary>
    public IReadOnlyList<CatalogItem> Items => _items;

    /// <summary>The content model of the items known before <paramref name="time"/>.</summary>
    public ContentModel At(long time)
    {
        if (_firstSeen is null)
        {
            return _whole ??= ContentModel.Train(_items, _options);
        }

        lock (_models)
        {
            if (!_models.TryGetValue(time, out var model))
            {
                model = ContentModel.Train([.. _items.Where(item => _firstSeen.TryGetValue(item.Id, out var seen) && seen < time)], _options);
                _models[time] = model;
            }

            return model;
        }
    }
}
