using System.Diagnostics;
using ActorSegments.Cli.Rendering;
using ActorSegments.Testing;
using Google.Protobuf.WellKnownTypes;
using Spectre.Console;

namespace ActorSegments.Cli.Tests.CommandLine;

/// <summary>Output to a file or a pipe has no width to fit: rows stay whole, so scripts can read them line by line.</summary>
public sealed class RedirectedOutputTests
{
    private static readonly Timestamp At = Timestamp.FromDateTimeOffset(new DateTimeOffset(2011, 12, 9, 12, 50, 0, TimeSpan.Zero));

    [Fact]
    public void Redirected_LongTableRow_StaysOnOneLineWithItsTimestampWhole()
    {
        using var output = new StringWriter();
        var console = CliConsole.Create(output, redirected: true);
        var rule = string.Join(" or ", Enumerable.Range(1, 12).Select(i => $"count(purchase, within {i}d) >= {i}"));

        console.Write(new Table().AddColumns("segment", "updated", "rule").AddRow("a-rather-long-segment-name", Formats.Time(At), Markup.Escape(rule)));

        var row = Assert.Single(output.ToString().Split('\n'), line => line.Contains("a-rather-long-segment-name", StringComparison.Ordinal));
        Assert.Contains("2011-12-09 12:50:00Z", row, StringComparison.Ordinal);
        Assert.Contains(rule, row, StringComparison.Ordinal);
    }

    /// <summary>The CLI as a user runs it, its output piped: the error line (longer than 80 columns) arrives whole.</summary>
    [Fact]
    public async Task Process_OutputPiped_LongErrorLineIsWhole()
    {
        var address = $"http://127.0.0.1:{FreeTcpPort.Next()}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "actorsegments.dll"), "segments", "list", "--server", address])
        {
            start.ArgumentList.Add(argument);
        }

        using var cli = Process.Start(start)!;
        var output = await cli.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await cli.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Unavailable, cli.ExitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error UNAVAILABLE: cannot reach the server at {address} (", line, StringComparison.Ordinal);
        Assert.EndsWith(")", line, StringComparison.Ordinal);
        Assert.True(line.Length > 80, line);
    }

    [Fact]
    public void Redirected_LongLine_IsNotWrapped()
    {
        using var output = new StringWriter();
        var console = CliConsole.Create(output, redirected: true);
        var text = string.Join(' ', Enumerable.Repeat("word", 60));

        console.MarkupLine(text);

        Assert.Equal(text, output.ToString().TrimEnd('\n', '\r'));
    }
}
