using System.CommandLine;
using ActorSegments.BenchSupport;

namespace ActorSegments.Bench.Tests.CommandLine;

public sealed class BenchCommandLineTests
{
    private static RootCommand Root() => new("a bench tool") { new Option<int>("--runs") { Description = "How many runs" } };

    [Fact]
    public void Parse_GoodLine_ReturnsTheResultAndExitsNothing()
    {
        var parse = BenchCommandLine.Parse(Root(), ["--runs", "5"], TextWriter.Null, TextWriter.Null, out var exit);

        Assert.NotNull(parse);
        Assert.Equal(5, parse.GetValue<int>("--runs"));
        Assert.Equal(0, exit);
    }

    [Fact]
    public void Parse_UnknownOption_NamesItAndExitsTwo()
    {
        using var error = new StringWriter();

        var parse = BenchCommandLine.Parse(Root(), ["--rnus", "5"], TextWriter.Null, error, out var exit);

        Assert.Null(parse);
        Assert.Equal(BenchCommandLine.UsageExitCode, exit);
        Assert.Equal(2, exit);
        Assert.Contains("--rnus", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MalformedValue_NamesTheValueAndExitsTwo()
    {
        using var error = new StringWriter();

        var parse = BenchCommandLine.Parse(Root(), ["--runs", "five"], TextWriter.Null, error, out var exit);

        Assert.Null(parse);
        Assert.Equal(2, exit);
        Assert.Contains("five", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Help_PrintsTheOptionsAndExitsZero()
    {
        using var output = new StringWriter();

        var parse = BenchCommandLine.Parse(Root(), ["--help"], output, TextWriter.Null, out var exit);

        Assert.Null(parse);
        Assert.Equal(0, exit);
        Assert.Contains("How many runs", output.ToString(), StringComparison.Ordinal);
    }
}
