using System.CommandLine;
using ActorSegments.Cli.Connection;

namespace ActorSegments.Cli.Commands;

/// <summary><c>--file PATH</c> (the Liquid template) and <c>--plain-text</c>; a missing file is a usage error and nothing is sent.</summary>
internal sealed class TemplateInput
{
    public Option<FileInfo> File { get; } = new("--file", "-f") { Description = "The Liquid template, e.g. offer.liquid", Required = true };

    public Option<bool> PlainText { get; } = new("--plain-text") { Description = "Write values as they are instead of HTML-escaped (plain-text bodies, subject lines)" };

    public void AddTo(Command command)
    {
        command.Options.Add(File);
        command.Options.Add(PlainText);
    }

    public string Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var file = parse.GetRequiredValue(File);
        return file.Exists ? System.IO.File.ReadAllText(file.FullName) : throw new UsageException($"No template file at '{file.FullName}'.");
    }
}
