namespace ActorSegments.SqlBaseline.Tests;

public sealed class BaselineOptionsTests
{
    private static readonly string[] Arguments =
        ["--server", "http://127.0.0.1:5000", "--server-pid", "1", "--server-db", "s", "--baseline-db", "b", "--postmaster-pid", "2"];

    [Fact]
    public void Parse_KeyInTheEnvironment_NeedsNoKeyOnTheCommandLine()
    {
        Environment.SetEnvironmentVariable(BaselineOptions.ApiKeyVariable, "key-from-the-environment");
        try
        {
            Assert.Equal("key-from-the-environment", BaselineOptions.Parse(Arguments).ApiKey);
        }
        finally
        {
            Environment.SetEnvironmentVariable(BaselineOptions.ApiKeyVariable, null);
        }

        Assert.Throws<ArgumentException>(() => BaselineOptions.Parse(Arguments));
    }
}
