using Google.Protobuf;
using Spectre.Console;

namespace ActorSegments.Cli.Rendering;

/// <summary>
/// Messages in the proto's JSON form, as the HTTP/JSON API writes them (camelCase names, enum names, default values
/// included), indented; read back with <see cref="JsonParser"/> or fed to a command that takes a file of that form.
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
