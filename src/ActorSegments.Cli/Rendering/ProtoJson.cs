using Google.Protobuf;
using Spectre.Console;

namespace ActorSegments.Cli.Rendering;

/// <summary>
/// Messages in the proto's canonical JSON form (camelCase names, enum names, default values included, 64-bit integers
/// as strings), indented: the fields the HTTP/JSON API answers (which writes 64-bit integers as numbers), read back by
/// <see cref="JsonParser"/>, the HTTP routes and the commands that take a file of that form alike.
/// </summary>
internal static class ProtoJson
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true).WithIndentation());

    /// <summary>Writes the message as is: straight to the output, never through markup, which would read its brackets.</summary>
    public static void Write(IAnsiConsole console, IMessage message)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.Profile.Out.Writer.WriteLine(Formatter.Format(message));
    }
}
