using System.IO.Compression;
using System.Text;

namespace ActorSegments.Cli.Data;

/// <summary>Opens a data file as text, decompressing gzip when the content starts with its magic bytes.</summary>
/// <remarks>The content decides, not the extension: renamed or re-downloaded files often lose or gain ".gz".</remarks>
internal static class DataFile
{
    private const int BufferSize = 1 << 16;

    public static TextReader OpenText(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        return OpenText(file);
    }

    /// <summary>Text over <paramref name="stream"/>, which must be seekable (a file or memory) so the sniffed bytes can be reread.</summary>
    public static TextReader OpenText(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek)
        {
            throw new ArgumentException("The stream must be seekable so its first bytes can be inspected.", nameof(stream));
        }

        var start = stream.Position;
        var first = stream.ReadByte();
        var second = stream.ReadByte();
        stream.Position = start;
        var content = first == 0x1f && second == 0x8b ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        return new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, BufferSize);
    }
}
