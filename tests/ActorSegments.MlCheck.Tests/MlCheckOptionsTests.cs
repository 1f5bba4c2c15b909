namespace ActorSegments.MlCheck.Tests;

public sealed class MlCheckOptionsTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "repository");

    private static (MlCheckOptions? Options, int Exit, string Error) Parse(params string[] args)
    {
        using var error = new StringWriter();
        var options = MlCheckOptions.Parse(args, Root, TextWriter.Null, error, out var exit);
        return (options, exit, error.ToString());
    }

    [Fact]
    public void Parse_NoArguments_TheDataBesideTheRepositoryAndATemporaryOutput()
    {
        var (options, exit, _) = Parse();

        Assert.Equal(0, exit);
        Assert.Equal(Path.GetFullPath(Path.Combine(Root, MlCheckOptions.DefaultDataPath)), options!.DataPath);
        Assert.Equal(Path.GetFullPath(Path.Combine(Path.GetTempPath(), "actorsegments-ml-check")), options.OutputDirectory);
        Assert.False(options.Quick);
    }

    [Fact]
    public void Parse_EveryFlagAsTheScriptPassesThem_KeepsItsMeaning()
    {
        var (options, exit, _) = Parse("--data", "/data/retail.csv.gz", "--out", "/tmp/out", "--quick");

        Assert.Equal(0, exit);
        Assert.Equal(new MlCheckOptions("/data/retail.csv.gz", "/tmp/out", Quick: true), options);
    }

    [Theory]
    [InlineData("--dat", "--dat")]
    [InlineData("--data", "--data")]
    [InlineData("extra", "extra")]
    public void Parse_WrongCommandLine_SaysWhatIsWrongAndExitsTwo(string argument, string named)
    {
        var (options, exit, error) = Parse(argument);

        Assert.Null(options);
        Assert.Equal(2, exit);
        Assert.Contains(named, error, StringComparison.Ordinal);
    }
}
