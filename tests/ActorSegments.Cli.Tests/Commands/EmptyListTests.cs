namespace ActorSegments.Cli.Tests.Commands;

/// <summary>Every list command says "nothing yet" and what to run next the same way, instead of drawing an empty table.</summary>
public sealed class EmptyListTests(CliServer server) : IClassFixture<CliServer>
{
    [Theory]
    [InlineData("empty-segments", "No segments yet", "segments", "list")]
    [InlineData("empty-models", "No models yet", "models", "list")]
    [InlineData("empty-cohorts", "No cohorts yet", "cohorts", "list")]
    [InlineData("empty-runs", "No cohort runs yet", "cohorts", "runs")]
    [InlineData("empty-experiments", "No experiments yet", "experiments", "list")]
    public async Task List_NothingThere_OneLineSayingSoAndNoTable(string workspace, string message, params string[] command)
    {
        var (exit, output) = await server.RunAsync(workspace, command);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.StartsWith(message, output, StringComparison.Ordinal);
        Assert.DoesNotContain("│", output, StringComparison.Ordinal);
        Assert.DoesNotContain("─", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SegmentMembersAndChanges_NoneYet_SaySoWithoutATable()
    {
        const string Workspace = "empty-members";
        await server.RunAsync(Workspace, "segments", "create", "buyers", "--rule", "did(purchase)");

        var (membersExit, members) = await server.RunAsync(Workspace, "segments", "members", "buyers");
        var (changesExit, changes) = await server.RunAsync(Workspace, "segments", "changes", "buyers");

        Assert.Equal(ExitCodes.Success, membersExit);
        Assert.Equal("No members.", members.Trim());
        Assert.Equal(ExitCodes.Success, changesExit);
        Assert.StartsWith("No changes after this cursor.", changes, StringComparison.Ordinal);
        Assert.Contains("next cursor:", changes, StringComparison.Ordinal);
        Assert.DoesNotContain("│", members + changes, StringComparison.Ordinal);
    }
}
