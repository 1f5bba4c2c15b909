using System.Globalization;
using System.Text.Json;
using ActorSegments.Cli.Connection;
using ActorSegments.Datasets.Csv;
using ActorSegments.Protos.V1;

namespace ActorSegments.Cli.Data;

/// <summary>
/// A catalog file for <c>catalog import</c>: CSV with a header naming its columns (id required; title, description,
/// category, brand, price, currency, tags optional, in any order; tags separated by '|'), or JSON lines (a file ending
/// in .jsonl or .ndjson: one object a line with the same names, tags as an array). An empty price is no price. Each
/// item comes with the line it was read from, so a refused batch can be traced back to the file.
/// </summary>
internal static class CatalogFile
{
    public static IEnumerable<(long Line, CatalogItem Item)> Read(string path)
    {
        var json = path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase);
        return json ? ReadJsonLines(path) : ReadCsv(path);
    }

    private static IEnumerable<(long, CatalogItem)> ReadCsv(string path)
    {
        using var reader = new CsvReader(File.OpenText(path));
        var header = reader.Read() ?? throw new UsageException($"{path} is empty; expected a header such as id,title,description,category,brand,price,tags.");
        var columns = Enumerable.Range(0, header.Count).ToDictionary(i => header[i].Trim().ToLowerInvariant(), i => i, StringComparer.Ordinal);
        if (!columns.ContainsKey("id"))
        {
            throw new UsageException($"{path}: the header has no 'id' column (found {string.Join(",", columns.Keys)}).");
        }

        string Field(CsvRecord record, string name) => columns.TryGetValue(name, out var i) && i < record.Count ? record[i] : string.Empty;
        while (reader.Read() is { } record)
        {
            var item = new CatalogItem
            {
                ItemId = Field(record, "id"),
                Title = Field(record, "title"),
                Description = Field(record, "description"),
                Category = Field(record, "category"),
                Brand = Field(record, "brand"),
                Currency = Field(record, "currency"),
            };
            item.Tags.AddRange(Field(record, "tags").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            var price = Field(record, "price");
            if (price.Length > 0)
            {
                item.Price = double.TryParse(price, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                    ? value
                    : throw new UsageException($"{path} line {record.Line}: price '{price}' is not a number such as 2.55.");
            }

            yield return (record.Line, item);
        }
    }

    private static IEnumerable<(long, CatalogItem)> ReadJsonLines(string path)
    {
        long line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            CatalogItem item;
            try
            {
                using var document = JsonDocument.Parse(text);
                item = FromJson(document.RootElement);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
            {
                throw new UsageException($"{path} line {line}: {ex.Message}");
            }

            yield return (line, item);
        }
    }

    private static CatalogItem FromJson(JsonElement row)
    {
        string Text(string name) => row.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetString() ?? string.Empty : string.Empty;
        var item = new CatalogItem { ItemId = Text("id"), Title = Text("title"), Description = Text("description"), Category = Text("category"), Brand = Text("brand"), Currency = Text("currency") };
        if (row.TryGetProperty("price", out var price) && price.ValueKind != JsonValueKind.Null)
        {
            item.Price = price.GetDouble();
        }

        if (row.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array)
        {
            item.Tags.AddRange(tags.EnumerateArray().Select(t => t.GetString() ?? string.Empty));
        }

        return item;
    }
}
