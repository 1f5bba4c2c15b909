using System.CommandLine;
using ActorSegments.Cli.Connection;
using ActorSegments.Protos.V1;
using Spectre.Console;

namespace ActorSegments.Cli.Commands;

/// <summary>
/// <c>templates render</c> and <c>templates preview</c>: what one customer, or a sample of a segment, would receive from
/// a Liquid template (docs/templates.md), before an ESP sends it.
/// </summary>
internal static class TemplatesCommand
{
    public static Command Create(IAnsiConsole console) => new("templates", "Render Liquid templates against customer profiles")
    {
        Render(console),
        Preview(console),
    };

    private static Command Render(IAnsiConsole console)
    {
        var customer = new Option<string>("--customer") { Description = "Customer id", Required = true };
        var input = new TemplateInput();
        var command = new Command("render", "The text one customer would receive") { customer };
        input.AddTo(command);
        return command.WithAction(console, async (parse, connection, cancellationToken) =>
        {
            var rendered = await connection.Content.RenderTemplateAsync(
                new RenderTemplateRequest
                {
                    WorkspaceId = connection.Workspace,
                    CustomerId = parse.GetRequiredValue(customer),
                    Template = input.Read(parse),
                    PlainText = parse.GetValue(input.PlainText),
                },
                cancellationToken: cancellationToken);

            // As rendered, not as markup: the text is the output.
            console.Profile.Out.Writer.Write(rendered.Content);
            console.Profile.Out.Writer.WriteLine();
            return ExitCodes.Success;
        });
    }

    private static Command Preview(IAnsiConsole console)
    {
        var segment = new Option<string>("--segment") { Description = "Segment id", Required = true };
        var sample = new Option<int>("--sample") { Description = "Members to render, 1 to 500 (first in customer-id order)", DefaultValueFactory = _ => 100 };
        var input = new TemplateInput();
        var command = new Command("preview", "The variants a segment would receive and how many of a sample of its members get each") { segment, sample };
        input.AddTo(command);
        return command.WithAction(console, async (parse, connection, cancellationToken) =>
        {
            var preview = await connection.Content.PreviewTemplateAsync(
                new PreviewTemplateRequest
                {
                    WorkspaceId = connection.Workspace,
                    SegmentId = parse.GetRequiredValue(segment),
                    Template = input.Read(parse),
                    SampleSize = parse.GetValue(sample),
                    PlainText = parse.GetValue(input.PlainText),
                },
                cancellationToken: cancellationToken);
            Write(console, preview);
            return ExitCodes.Success;
        });
    }

    private static void Write(IAnsiConsole console, PreviewTemplateResponse preview)
    {
        console.MarkupLineInterpolated($"[bold]{preview.DistinctVariants}[/] variant(s) over {preview.Sampled} sampled of {preview.Members} members");
        for (var i = 0; i < preview.Variants.Count; i++)
        {
            var variant = preview.Variants[i];
            var share = preview.Sampled == 0 ? 0 : 100.0 * variant.Customers / preview.Sampled;
            console.WriteLine();
            console.MarkupLineInterpolated($"[bold]variant {i + 1}[/]: {variant.Customers} customer(s), {share:0.#}% (e.g. {string.Join(", ", variant.ExampleCustomerIds)})");
            console.Write(new Panel(new Text(variant.Content)) { Border = BoxBorder.Rounded, Expand = true });
        }

        if (preview.CustomersInOtherVariants > 0)
        {
            console.WriteLine();
            console.MarkupLineInterpolated($"{preview.CustomersInOtherVariants} customer(s) get one of {preview.DistinctVariants - preview.Variants.Count} other variants not shown");
        }
    }
}
