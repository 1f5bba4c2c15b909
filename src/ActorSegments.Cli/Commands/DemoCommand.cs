using System.CommandLine;
using ActorSegments.Cli.Connection;
using ActorSegments.Cli.Demo;
using ActorSegments.Datasets.Csv;
using Spectre.Console;

namespace ActorSegments.Cli.Commands;

/// <summary>
/// <c>demo</c>: the whole product in one command. Without <c>--server</c> it starts a dev-mode server in this process
/// with its clock at the end of the data, so "days since the last purchase" reads as on the data's last day.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var server = new Option<string?>("--server", "-s") { Description = "Use this server instead of starting one (its clock should be at the data's end)" };
        var apiKey = new Option<string?>("--api-key", "-k") { Description = $"API key for --server (default: ${ServerOptions.ApiKeyVariable})" };
        var workspace = new Option<string>("--workspace", "-w") { Description = "Workspace to load into", DefaultValueFactory = _ => ServerOptions.DefaultWorkspace };
        var data = new Option<FileInfo?>("--data") { Description = "The UCI Online Retail data instead of the synthetic shop: 'Online Retail.xlsx' as UCI serves it, the .zip it comes in, or the CSV layout (plain or gzipped)" };
        var productLines = new Option<bool>("--product-lines") { Description = "With --data, also load a product_purchased event per invoice line (slower)" };
        var customers = new Option<int>("--customers") { Description = "Synthetic shop size", DefaultValueFactory = _ => SyntheticDemoData.DefaultCustomers };
        var seed = new Option<int>("--seed") { Description = "Synthetic shop seed: the same seed prints the same figures", DefaultValueFactory = _ => SyntheticDemoData.DefaultSeed };
        var command = new Command("demo", "Load a dataset, define segments, and show what the engine makes of it")
        {
            server, apiKey, workspace, data, productLines, customers, seed,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            DemoData source = parse.GetValue(data) is { } file
                ? new RetailDemoData(file.FullName, parse.GetValue(productLines))
                : new SyntheticDemoData(parse.GetValue(seed), parse.GetValue(customers));
            if (source is RetailDemoData { Path: var path } && !File.Exists(path))
            {
                console.MarkupLineInterpolated($"[red]No data file at '{path}'.[/]");
                return ExitCodes.Usage;
            }

            if (source is SyntheticDemoData { Customers: < 1 })
            {
                console.MarkupLine("[red]--customers must be at least 1.[/]");
                return ExitCodes.Usage;
            }

            var key = parse.GetValue(apiKey) ?? Environment.GetEnvironmentVariable(ServerOptions.ApiKeyVariable);
            return await RunAsync(console, source, parse.GetValue(server), key, parse.GetRequiredValue(workspace), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(IAnsiConsole console, DemoData data, string? server, string? apiKey, string workspace, CancellationToken cancellationToken)
    {
        console.MarkupLineInterpolated($"demo: {data.Description}");
        await using var embedded = server is null ? await EmbeddedServer.StartAsync(data.End, null, cancellationToken) : null;
        if (embedded is not null)
        {
            console.MarkupLineInterpolated($"started an in-memory server at {embedded.Address}, its clock at {data.End:yyyy-MM-dd HH:mm}Z");
        }

        var settings = new ServerSettings(embedded?.Address ?? server!, embedded is null ? apiKey : null, workspace);
        return await ServerCommand.RunAsync(console, settings, async connection =>
        {
            try
            {
                var result = await new DemoPipeline(connection, console).RunAsync(data, cancellationToken);
                DemoReport.Write(console, data, result);
                return ExitCodes.Success;
            }
            catch (Exception ex) when (ex is InvalidOperationException or CsvFormatException)
            {
                console.MarkupLineInterpolated($"[red]demo failed:[/] {ex.Message}");
                return ExitCodes.Failed;
            }
        });
    }
}
