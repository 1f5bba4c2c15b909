namespace ActorSegments.SqlBaseline.Tests;

public sealed class BaselineOptionsTests
{
    private static readonly string[] Arguments =
        ["--server", "http://127.0.0.1:5000", "--server-pid", "1", "--server-db", "s", "--baseline-db", "b", "--postmaster-pid", "2"];

    private static (BaselineOptions? Options, int Exit, string Error) Parse(params string[] args)
    {
        using var error = new StringWriter();
        var options = BaselineOptions.Parse(args, TextWriter.Null, error, out var exit);
        return (options, exit, error.ToString());
    }

    [Fact]
    public void Parse_KeyInTheEnvironment_NeedsNoKeyOnTheCommandLine()
    {
        Environment.SetEnvironmentVariable(BaselineOptions.ApiKeyVariable, "key-from-the-environment");
        try
        {
            Assert.Equal("key-from-the-environment", Parse(Arguments).Options!.ApiKey);
        }
        finally
        {
            Environment.SetEnvironmentVariable(BaselineOptions.ApiKeyVariable, null);
        }

        var (options, exit, error) = Parse(Arguments);
        Assert.Null(options);
        Assert.Equal(2, exit);
        Assert.Contains($"--api-key is required when {BaselineOptions.ApiKeyVariable} is not set", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EveryFlagAsTheScriptPassesThem_KeepsItsMeaning()
    {
        var (options, exit, _) = Parse([.. Arguments, "--api-key", "k", "--scale", "0.1", "--repeats", "5", "--days", "30", "--events", "1e6", "--customers", "20000", "--live-events", "100000"]);

        Assert.Equal(0, exit);
        Assert.Equal(new Uri("http://127.0.0.1:5000"), options!.Server);
        Assert.Equal("k", options.ApiKey);
        Assert.Equal((1, 2, "s", "b"), (options.ServerPid, options.PostmasterPid, options.ServerDatabase, options.BaselineDatabase));
        Assert.Equal((2_000, 100_000L, 10_000L), (options.Customers, options.Events, options.LiveEvents));
        Assert.Equal((30, 5), (options.Days, options.Repeats));
    }

    [Fact]
    public void Parse_CountsBeyondTheirBounds_AreClampedAsBefore()
    {
        var (options, _, _) = Parse([.. Arguments, "--api-key", "k", "--customers", "5000000", "--repeats", "50", "--days", "0"]);

        Assert.Equal((100_000, 10, 1), (options!.Customers, options.Repeats, options.Days));
    }

    [Theory]
    [InlineData("--sacle", "0.1", "--sacle")]
    [InlineData("--scale", "2", "--scale must be in (0, 1]")]
    [InlineData("--scale", "a-tenth", "a-tenth")]
    [InlineData("--server", "127.0.0.1:5000", "is not an absolute address")]
    [InlineData("--server-pid", "self", "self")]
    public void Parse_WrongCommandLine_SaysWhatIsWrongAndExitsTwo(string flag, string value, string named)
    {
        var others = Arguments.Chunk(2).Where(pair => pair[0] != flag).SelectMany(pair => pair);
        var (options, exit, error) = Parse([.. others, "--api-key", "k", flag, value]);

        Assert.Null(options);
        Assert.Equal(2, exit);
        Assert.Contains(named, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ARequiredOptionMissing_NamesItAndExitsTwo()
    {
        var (options, exit, error) = Parse("--server", "http://127.0.0.1:5000", "--api-key", "k");

        Assert.Null(options);
        Assert.Equal(2, exit);
        Assert.Contains("--server-db", error, StringComparison.Ordinal);
    }
}
