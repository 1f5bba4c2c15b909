namespace ActorSegments.Domain.Catalog;

/// <summary>
/// How an item is named to people: its title, else the first line of its description (all a catalog derived from
/// events has), else nothing (and the caller shows the id).
/// </summary>
public static class ItemTitle
{
    public static string? Of(CatalogItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Title.Length > 0)
        {
            return item.Title;
        }

        var firstLine = item.Description.Split('\n', 2)[0].Trim();
        return firstLine.Length > 0 ? firstLine : null;
    }
}
