using System.Globalization;
using ActorSegments.Domain.Validation;

namespace ActorSegments.Domain.Catalog;

/// <summary>
/// Checks a batch of catalog items against <see cref="CatalogLimits"/>, every problem with its place in the batch
/// (<c>items[3].price</c>), so a client fixes a whole batch in one round trip. A batch with any problem is refused whole.
/// </summary>
public static class CatalogValidator
{
    public static IReadOnlyList<FieldViolation> Validate(IReadOnlyList<CatalogItem> items, CatalogLimits limits)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(limits);
        var violations = new List<FieldViolation>();
        violations.AddIfProblem("items", BatchSizeProblem(items.Count, limits));
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count && i < limits.MaxItemsPerRequest; i++)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"items[{i}]");
            var before = violations.Count;
            Validate(items[i], limits, violations);
            for (var v = before; v < violations.Count; v++)
            {
                violations[v] = violations[v].Under(at);
            }

            if (items[i].Id is { } id && !seen.TryAdd(id, i))
            {
                violations.Add(new FieldViolation($"{at}.id", $"duplicates items[{seen[id]}].id \"{Identifiers.Shorten(id)}\"; each item at most once per request"));
            }
        }

        return violations;
    }

    /// <summary>Ids of a delete or a lookup: the same shape as item ids, at most a request's worth.</summary>
    public static IReadOnlyList<FieldViolation> ValidateIds(IReadOnlyList<string> ids, CatalogLimits limits)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(limits);
        var violations = new List<FieldViolation>();
        violations.AddIfProblem("item_ids", BatchSizeProblem(ids.Count, limits));
        for (var i = 0; i < ids.Count && i < limits.MaxItemsPerRequest; i++)
        {
            violations.AddIfProblem(string.Create(CultureInfo.InvariantCulture, $"item_ids[{i}]"), Identifiers.CheckOpaqueIdForLookup(ids[i], limits.MaxItemIdLength));
        }

        return violations;
    }

    private static string? BatchSizeProblem(int count, CatalogLimits limits) =>
        count == 0 ? "at least one item is required"
        : count > limits.MaxItemsPerRequest ? $"at most {limits.MaxItemsPerRequest} items per request (got {count})"
        : null;

    private static void Validate(CatalogItem item, CatalogLimits limits, List<FieldViolation> violations)
    {
        violations.AddIfProblem("id", Identifiers.CheckOpaqueId(item.Id, limits.MaxItemIdLength));
        violations.AddIfProblem("title", TextProblem(item.Title, limits.MaxTitleLength));
        violations.AddIfProblem("description", TextProblem(item.Description, limits.MaxDescriptionLength));
        violations.AddIfProblem("brand", TextProblem(item.Brand, limits.MaxBrandLength) ?? LabelProblem(item.Brand));
        violations.AddIfProblem("category", CategoryProblem(item.CategoryPath, limits));
        violations.AddIfProblem("price", PriceProblem(item.Price, limits));
        violations.AddIfProblem("currency", CurrencyProblem(item.Currency, item.Price));
        TagProblems(item.Tags, limits, violations);
    }

    private static string? TextProblem(string? text, int maxLength)
    {
        if (text is null)
        {
            return null;
        }

        return text.Length > maxLength
            ? $"must be at most {maxLength} characters (got {text.Length})"
            : EventValidator.CheckText(text, EventLimits.Default with { MaxPropertyStringLength = maxLength });
    }

    // Names compared as keys (brand, category levels, tags) must not carry line breaks or tabs either.
    private static string? LabelProblem(string label) =>
        label.AsSpan().IndexOfAny('\t', '\n', '\r') >= 0 ? "must be on one line (no tab, line feed or carriage return)"
        : label.Length > 0 && (char.IsWhiteSpace(label[0]) || char.IsWhiteSpace(label[^1])) ? "must not start or end with whitespace"
        : null;

    private static string? CategoryProblem(IReadOnlyList<string> levels, CatalogLimits limits)
    {
        if (levels.Count > limits.MaxCategoryLevels)
        {
            return $"at most {limits.MaxCategoryLevels} levels (got {levels.Count})";
        }

        for (var i = 0; i < levels.Count; i++)
        {
            var level = levels[i];
            var problem = string.IsNullOrWhiteSpace(level) ? "is empty"
                : level.Contains('>', StringComparison.Ordinal) ? "must not contain '>' (it separates levels)"
                : TextProblem(level, limits.MaxCategoryLevelLength) ?? LabelProblem(level);
            if (problem is not null)
            {
                return $"level {i + 1} {problem}; expected levels separated by \" > \", as in \"Home > Kitchen > Mugs\"";
            }
        }

        return null;
    }

    private static string? PriceProblem(decimal? price, CatalogLimits limits) =>
        price is not { } value ? null
        : value < 0 ? $"must not be negative (got {value.ToString(CultureInfo.InvariantCulture)})"
        : value > limits.MaxPrice ? $"must be at most {limits.MaxPrice.ToString(CultureInfo.InvariantCulture)} (got {value.ToString(CultureInfo.InvariantCulture)})"
        : null;

    private static string? CurrencyProblem(string? currency, decimal? price) =>
        currency is null ? null
        : currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper) ? $"expected an ISO 4217 code of three upper-case letters such as \"EUR\" (got \"{Identifiers.Shorten(currency)}\")"
        : price is null ? "is given without a price"
        : null;

    private static void TagProblems(IReadOnlyList<string> tags, CatalogLimits limits, List<FieldViolation> violations)
    {
        if (tags.Count > limits.MaxTags)
        {
            violations.Add(new FieldViolation("tags", $"at most {limits.MaxTags} tags (got {tags.Count})"));
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i];
            var problem = string.IsNullOrWhiteSpace(tag) ? "is empty"
                : TextProblem(tag, limits.MaxTagLength) ?? LabelProblem(tag)
                ?? (seen.Add(tag) ? null : $"repeats \"{Identifiers.Shorten(tag)}\"; each tag at most once");
            violations.AddIfProblem(string.Create(CultureInfo.InvariantCulture, $"tags[{i}]"), problem);
        }
    }
}
