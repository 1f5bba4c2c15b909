using System.Text;
using ActorSegments.Domain.Modeling;

namespace ActorSegments.ML.Recommendations;

/// <summary>
/// The binary form of an <see cref="ItemToItemModel"/>: a magic and a version, the options, the category names, the
/// items (id and category number), the popularity order and each item's neighbors, numbers as 7-bit varints and
/// similarities as 32-bit floats (what the model holds, so a round trip recommends exactly the same). Version 2 added
/// the method and EASE's settings to the options, version 3 the training half-life (0 for none); version 2 still
/// reads (no half-life), a model of version 1 is refused, to be retrained.
/// </summary>
internal static class ItemToItemModelFormat
{
    private const uint Magic = 0x49324941; // "AI2I" little-endian
    private const int Version = 3;
    private const int FirstVersionRead = 2;

    public static byte[] Write(ItemToItemModel model)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write7BitEncodedInt(Version);
            var options = model.Options;
            writer.Write7BitEncodedInt((int)options.Method);
            writer.Write7BitEncodedInt(options.NeighborsPerItem);
            writer.Write7BitEncodedInt(options.MinimumCoOccurrence);
            writer.Write(options.ViewWeight);
            writer.Write(options.CartWeight);
            writer.Write(options.PurchaseWeight);
            writer.Write(options.EaseRegularization);
            writer.Write7BitEncodedInt(options.MaximumEaseItems);
            writer.Write(options.TrainingHalfLifeDays ?? 0);

            var categories = model.Categories.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            var categoryNumbers = categories.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
            writer.Write7BitEncodedInt(categories.Length);
            Array.ForEach(categories, writer.Write);
            writer.Write7BitEncodedInt(model.Items.Length);
            for (var i = 0; i < model.Items.Length; i++)
            {
                writer.Write(model.Items[i]);
                // 0 for no category, so the number stays unsigned.
                writer.Write7BitEncodedInt(model.Categories[i] is { } category ? categoryNumbers[category] + 1 : 0);
            }

            Array.ForEach(model.Popularity, writer.Write7BitEncodedInt);
            foreach (var neighbors in model.Neighbors)
            {
                writer.Write7BitEncodedInt(neighbors.Length);
                foreach (var neighbor in neighbors)
                {
                    writer.Write7BitEncodedInt(neighbor.Item);
                    writer.Write(neighbor.Similarity);
                }
            }
        }

        return stream.ToArray();
    }

    public static ItemToItemModel Read(byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        using var reader = new BinaryReader(new MemoryStream(payload, writable: false), Encoding.UTF8);
        try
        {
            if (payload.Length < 4 || reader.ReadUInt32() != Magic)
            {
                throw new InvalidDataException("The payload is not an item-to-item recommendation model.");
            }

            var version = reader.Read7BitEncodedInt();
            if (version is < FirstVersionRead or > Version)
            {
                throw new InvalidDataException($"The recommendation model is of format version {version}; this build reads versions {FirstVersionRead} to {Version}. Retrain it.");
            }

            var method = (RecommendationMethod)reader.Read7BitEncodedInt();
            if (!Enum.IsDefined(method))
            {
                throw new InvalidDataException($"The recommendation model names method {(int)method}, which this build does not know.");
            }

            var options = new RecommendationOptions
            {
                Method = method,
                NeighborsPerItem = reader.Read7BitEncodedInt(),
                MinimumCoOccurrence = reader.Read7BitEncodedInt(),
                ViewWeight = reader.ReadDouble(),
                CartWeight = reader.ReadDouble(),
                PurchaseWeight = reader.ReadDouble(),
                EaseRegularization = reader.ReadDouble(),
                MaximumEaseItems = reader.Read7BitEncodedInt(),
            };
            if (version >= 3 && reader.ReadDouble() is var halfLife and not 0)
            {
                options = options with { TrainingHalfLifeDays = halfLife };
            }

            var categories = new string[reader.Read7BitEncodedInt()];
            for (var c = 0; c < categories.Length; c++)
            {
                categories[c] = reader.ReadString();
            }

            var items = new string[reader.Read7BitEncodedInt()];
            var itemCategories = new string?[items.Length];
            for (var i = 0; i < items.Length; i++)
            {
                items[i] = reader.ReadString();
                var category = reader.Read7BitEncodedInt();
                itemCategories[i] = category == 0 ? null : categories[category - 1];
            }

            var popularity = new int[items.Length];
            for (var r = 0; r < popularity.Length; r++)
            {
                popularity[r] = ItemNumber(reader, items.Length);
            }

            var neighbors = new ItemNeighbor[items.Length][];
            for (var i = 0; i < items.Length; i++)
            {
                neighbors[i] = new ItemNeighbor[reader.Read7BitEncodedInt()];
                for (var n = 0; n < neighbors[i].Length; n++)
                {
                    neighbors[i][n] = new ItemNeighbor(ItemNumber(reader, items.Length), reader.ReadSingle());
                }
            }

            return new ItemToItemModel(options, items, itemCategories, popularity, neighbors);
        }
        catch (Exception error) when (error is EndOfStreamException or FormatException or IndexOutOfRangeException or OverflowException)
        {
            throw new InvalidDataException("The recommendation model payload is truncated or corrupt.", error);
        }
    }

    private static int ItemNumber(BinaryReader reader, int itemCount)
    {
        var item = reader.Read7BitEncodedInt();
        return item >= 0 && item < itemCount ? item : throw new InvalidDataException($"The recommendation model refers to item {item} of {itemCount}.");
    }
}
