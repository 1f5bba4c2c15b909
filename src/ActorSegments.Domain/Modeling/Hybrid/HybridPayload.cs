using System.Text;

namespace ActorSegments.Domain.Modeling.Hybrid;

/// <summary>
/// A stored hybrid: a format version, both blends and the candidates per model, then the collaborative model's own
/// bytes. The content model is not stored: it is a pure function of the catalog and <see cref="Content.ContentOptions"/>
/// (TF-IDF over the items' texts), rebuilt from the catalog in milliseconds, where storing its vectors would copy the
/// catalog into every model version.
/// </summary>
public static class HybridPayload
{
    private const byte FormatVersion = 1;

    public static byte[] Write(HybridModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(FormatVersion);
            foreach (var blend in new[] { model.Options.Repeat, model.Options.Thin })
            {
                writer.Write(blend.ContentWeight);
                writer.Write(blend.UnsoldShare);
            }

            writer.Write(model.Options.CandidatesPerModel);
            var collaborative = model.Collaborative.Serialize();
            writer.Write(collaborative.Length);
            writer.Write(collaborative);
        }

        return stream.ToArray();
    }

    /// <summary>The options and the collaborative model's bytes of a payload written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">Not such a payload, or of a version this code does not read.</exception>
    public static (HybridOptions Options, byte[] Collaborative) Read(byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        try
        {
            using var reader = new BinaryReader(new MemoryStream(payload), Encoding.UTF8);
            if (reader.ReadByte() is var version and not FormatVersion)
            {
                throw new InvalidDataException($"Hybrid recommendation payload has format version {version}; this build reads version {FormatVersion}.");
            }

            var options = new HybridOptions
            {
                Repeat = new Blend(reader.ReadDouble(), reader.ReadDouble()),
                Thin = new Blend(reader.ReadDouble(), reader.ReadDouble()),
                CandidatesPerModel = reader.ReadInt32(),
            };
            var length = reader.ReadInt32();
            var collaborative = reader.ReadBytes(length);
            if (length < 0 || collaborative.Length != length || reader.BaseStream.Position != payload.Length)
            {
                throw new InvalidDataException("Hybrid recommendation payload is truncated or has trailing bytes.");
            }

            return (options, collaborative);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("Hybrid recommendation payload is truncated.", e);
        }
    }
}
