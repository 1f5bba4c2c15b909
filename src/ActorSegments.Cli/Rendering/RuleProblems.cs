using System.Globalization;
using ActorSegments.Protos.V1;
using Spectre.Console;

namespace ActorSegments.Cli.Rendering;

/// <summary>Shows rule problems the way a compiler does: position, message, the rule's line and a caret under the fault.</summary>
internal static class RuleProblems
{
    public static void Write(IAnsiConsole console, string rule, IEnumerable<RuleProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(problems);
        var lines = rule.Split('\n');
        foreach (var problem in problems)
        {
            console.MarkupLineInterpolated($"[red]{problem.Line}:{problem.Column}[/] {problem.Message}");
            if (problem.Line < 1 || problem.Line > lines.Length)
            {
                continue;
            }

            var text = lines[problem.Line - 1].TrimEnd('\r').Replace('\t', ' ');
            var column = Math.Clamp(problem.Column, 1, text.Length + 1);
            var width = Math.Clamp(problem.Length, 1, Math.Max(1, text.Length + 1 - column));
            console.WriteLine($"  {text}");
            console.WriteLine($"  {new string(' ', column - 1)}{new string('^', width)}");
        }
    }

    /// <summary>
    /// The problems a rejected create or update carried as field violations named <c>rule:LINE:COLUMN</c>, so they
    /// print with carets like a validation; violations of other fields are left out.
    /// </summary>
    public static IReadOnlyList<RuleProblem> FromViolations(IEnumerable<(string Field, string Description)> violations) =>
        [.. violations.Select(v => (Parts: v.Field.Split(':'), v.Description))
            .Where(v => v.Parts.Length == 3 && v.Parts[0] == "rule" && IsNumber(v.Parts[1]) && IsNumber(v.Parts[2]))
            .Select(v => new RuleProblem
            {
                Line = int.Parse(v.Parts[1], CultureInfo.InvariantCulture),
                Column = int.Parse(v.Parts[2], CultureInfo.InvariantCulture),
                Length = 1,
                Message = v.Description,
            })];

    private static bool IsNumber(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _);
}
