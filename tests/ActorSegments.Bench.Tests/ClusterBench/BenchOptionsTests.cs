using ActorSegments.ClusterBench;

namespace ActorSegments.Bench.Tests.ClusterBench;

public sealed class BenchOptionsTests
{
    private static (BenchOptions? Options, int Exit, string Error) Parse(params string[] args)
    {
        using var error = new StringWriter();
        var options = BenchOptions.Parse(args, TextWriter.Null, error, out var exit);
        return (options, exit, error.ToString());
    }

    [Fact]
    public void Parse_OnlyTheConnection_TakesTheDefaults()
    {
        var (options, exit, _) = Parse("--postgres", "Host=127.0.0.1");

        Assert.Equal(0, exit);
        Assert.Equal("Host=127.0.0.1", options!.Connection);
        Assert.Equal(1, options.Scale);
        Assert.Equal(3, options.Runs);
        Assert.True(options.Segments);
        Assert.Equal([100_000, 1_000_000], options.Customers);
        Assert.True(options.Includes("batched"));
        Assert.False(options.Includes("million"));
    }

    [Fact]
    public void Parse_EveryFlagAsTheScriptsPassThem_KeepsItsMeaning()
    {
        var (options, exit, _) = Parse(
            "--postgres", "Host=127.0.0.1", "--scale", "0.02", "--runs", "5", "--segments", "false", "--only", "recluster, million", "--customers", "1000,50000");

        Assert.Equal(0, exit);
        Assert.Equal(0.02, options!.Scale);
        Assert.Equal(5, options.Runs);
        Assert.False(options.Segments);
        Assert.True(options.Includes("million"));
        Assert.False(options.Includes("batched"));
        Assert.Equal([1_000, 50_000], options.Customers);
        Assert.Equal(400, options.Scaled(20_000));
    }

    [Theory]
    [InlineData("--postgres x --rnus 3", "--rnus")]
    [InlineData("--scale 0.1", "--postgres")]
    [InlineData("--postgres x --runs 0", "--runs must be at least 1")]
    [InlineData("--postgres x --runs three", "three")]
    [InlineData("--postgres x --segments maybe", "maybe")]
    [InlineData("--postgres x --only batched,milion", "no scenario 'milion'")]
    [InlineData("--postgres x --customers 100k", "'100k' is not a whole number")]
    public void Parse_WrongCommandLine_SaysWhatIsWrongAndExitsTwo(string line, string named)
    {
        var (options, exit, error) = Parse(line.Split(' '));

        Assert.Null(options);
        Assert.Equal(2, exit);
        Assert.Contains(named, error, StringComparison.Ordinal);
    }
}
