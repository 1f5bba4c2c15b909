using ActorSegments.Protos.V1;
using Spectre.Console;

namespace ActorSegments.Cli.Rendering;

/// <summary>A segment explanation as a tree: each condition, whether it holds, the value it read, when it next changes.</summary>
internal static class TraceView
{
    public static void Write(IAnsiConsole console, SegmentExplanation explanation)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(explanation);
        var verdict = explanation.Matches ? "[green]matches[/]" : "[red]does not match[/]";
        var membership = explanation.Member ? "member" : "not a member";
        var tree = new Tree($"[bold]{Markup.Escape(explanation.SegmentId)}[/]: {verdict} ({membership})");
        if (explanation.Trace is { } trace)
        {
            Add(tree.AddNode(Label(trace)), trace.Children);
        }

        console.Write(tree);
    }

    private static void Add(TreeNode parent, IEnumerable<RuleTrace> children)
    {
        foreach (var child in children)
        {
            Add(parent.AddNode(Label(child)), child.Children);
        }
    }

    /// <summary>"✓ count(purchase) >= 5  value 7  next change 2011-12-20 ...".</summary>
    public static string Label(RuleTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var mark = trace.Result ? "[green]✓[/]" : "[red]✗[/]";
        var label = $"{mark} {Markup.Escape(trace.Condition)}";
        if (trace.Value.Length > 0)
        {
            label += $"  [grey]value[/] {Markup.Escape(trace.Value)}";
        }

        if (trace.NextChange is { } next)
        {
            label += $"  [grey]next change[/] {Formats.Time(next)}";
        }

        return label;
    }
}
