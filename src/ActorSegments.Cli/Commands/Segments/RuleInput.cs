using System.CommandLine;
using ActorSegments.Cli.Connection;

namespace ActorSegments.Cli.Commands.Segments;

/// <summary><c>--rule TEXT</c> or <c>--rule-file PATH</c>: a rule inline, or from a file for rules long enough to want line breaks.</summary>
internal sealed class RuleInput
{
    public Option<string?> Rule { get; } = new("--rule", "-r") { Description = "The rule, e.g. \"rfm.frequency >= 5 and rfm.recency <= 30\"" };

    public Option<FileInfo?> RuleFile { get; } = new("--rule-file") { Description = "A file holding the rule" };

    public void AddTo(Command command)
    {
        command.Options.Add(Rule);
        command.Options.Add(RuleFile);
    }

    public string Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var inline = parse.GetValue(Rule);
        var file = parse.GetValue(RuleFile);
        return (inline, file) switch
        {
            ({ } text, null) => text,
            (null, { Exists: true } f) => File.ReadAllText(f.FullName).TrimEnd(),
            (null, { } f) => throw new UsageException($"No rule file at '{f.FullName}'."),
            (null, null) => throw new UsageException("Pass the rule with --rule TEXT or --rule-file PATH."),
            _ => throw new UsageException("Pass --rule or --rule-file, not both."),
        };
    }
}
