namespace ActorSegments.Cli.Tests.Commands;

public sealed class SegmentCommandTests(CliServer server) : IClassFixture<CliServer>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cli-segments-").FullName;

    [Fact]
    public async Task Validate_UnknownEventType_PointsAtItWithACaret()
    {
        var (exit, output) = await server.RunAsync("validating", "segments", "validate", "--rule", "did(purchse)");

        Assert.Equal(ExitCodes.Rejected, exit);
        Assert.Contains("1:5 unknown event type 'purchse'; did you mean 'purchase'?", output, StringComparison.Ordinal);
        Assert.Contains("  did(purchse)\n      ^^^^^^^\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_CountsAndListsTheMatchesWithoutSavingAndRefusesABadRule()
    {
        const string Workspace = "previewing";
        await ImportAsync(Workspace, "c1,purchase", "c2,product_viewed", "c3,purchase", "c4,product_viewed");

        var (exit, output) = await server.RunAsync(Workspace, "segments", "preview", "--rule", "did(purchase)");
        var (badExit, bad) = await server.RunAsync(Workspace, "segments", "preview", "--rule", "did(purchse)");
        var (_, listed) = await server.RunAsync(Workspace, "segments", "list");

        Assert.Equal(0, exit);
        var lines = output.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("2 of 4 customers match now (every customer evaluated)", lines[0]);
        Assert.Equal(["c1", "c3"], lines.Skip(1).Select(l => l.Trim()).Order(StringComparer.Ordinal));
        Assert.Equal(ExitCodes.Rejected, badExit);
        Assert.Contains("1:5 unknown event type 'purchse'", bad, StringComparison.Ordinal);
        Assert.DoesNotContain("did(purchase)", listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_BadRule_IsNotSavedAndShowsWhere()
    {
        var (exit, output) = await server.RunAsync("badrule", "segments", "create", "broken", "--rule", "count(purchase, within 48) > 1");

        Assert.Equal(ExitCodes.Rejected, exit);
        Assert.Contains("the rule was not saved", output, StringComparison.Ordinal);
        Assert.Contains("1:24", output, StringComparison.Ordinal);
        var (showExit, _) = await server.RunAsync("badrule", "segments", "show", "broken");
        Assert.Equal(ExitCodes.NotFound, showExit);
    }

    [Fact]
    public async Task CreateImportMembers_ListsExactlyTheBuyers()
    {
        const string Workspace = "members";
        var (created, createOutput) = await server.RunAsync(Workspace, "segments", "create", "buyers", "--rule", "did(purchase)");
        await ImportAsync(Workspace, "c1,purchase", "c2,product_viewed", "c3,purchase");

        var (exit, output) = await server.RunAsync(Workspace, "segments", "members", "buyers", "--page-size", "1");

        Assert.Equal(0, created);
        Assert.Contains("did(purchase)", createOutput, StringComparison.Ordinal);
        Assert.Equal(0, exit);
        Assert.Contains("2 members", output, StringComparison.Ordinal);
        Assert.Contains("c1", output, StringComparison.Ordinal);
        Assert.DoesNotContain("c2", output, StringComparison.Ordinal);
        Assert.Contains("c3", output, StringComparison.Ordinal);
        var (listExit, list) = await server.RunAsync(Workspace, "segments", "list");
        Assert.Equal(0, listExit);
        Assert.Contains("buyers", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_Csv_ThenResumeFromTheCursor_WritesOnlyTheNewChange()
    {
        const string Workspace = "exporting";
        await server.RunAsync(Workspace, "segments", "create", "buyers", "--rule", "did(purchase)");
        await ImportAsync(Workspace, "c1,purchase", "c2,purchase");
        var output = Path.Combine(_directory, "buyers.csv");
        var cursorFile = Path.Combine(_directory, "buyers.cursor");

        var (first, firstOutput) = await server.RunAsync(Workspace, "segments", "export", "buyers", "--format", "csv", "--output", output, "--cursor-file", cursorFile);
        var afterFirst = await File.ReadAllLinesAsync(output, TestContext.Current.CancellationToken);
        await ImportAsync(Workspace, "c3,purchase");
        var cursor = (await File.ReadAllTextAsync(cursorFile, TestContext.Current.CancellationToken)).Trim();
        var (second, _) = await server.RunAsync(Workspace, "segments", "export", "buyers", "--output", output, "--cursor", cursor);
        var afterSecond = await File.ReadAllLinesAsync(output, TestContext.Current.CancellationToken);

        Assert.Equal(0, first);
        Assert.Contains($"resume with --cursor {cursor}", firstOutput, StringComparison.Ordinal);
        Assert.Equal("customer_id,change,at,cursor", afterFirst[0]);
        Assert.Equal(["c1,member", "c2,member"], afterFirst.Skip(1).Select(Prefix));
        Assert.Equal(0, second);
        Assert.Equal(["c3,enter"], afterSecond.Skip(afterFirst.Length).Select(Prefix));
    }

    [Fact]
    public async Task Export_Jsonl_WritesOneObjectPerMember()
    {
        const string Workspace = "jsonl";
        await server.RunAsync(Workspace, "segments", "create", "buyers", "--rule", "did(purchase)");
        await ImportAsync(Workspace, "c1,purchase");
        var output = Path.Combine(_directory, "buyers.jsonl");

        var (exit, _) = await server.RunAsync(Workspace, "segments", "export", "buyers", "--format", "jsonl", "-o", output);

        Assert.Equal(0, exit);
        var line = Assert.Single(await File.ReadAllLinesAsync(output, TestContext.Current.CancellationToken));
        Assert.StartsWith("{\"customer_id\":\"c1\",\"change\":\"member\",\"at\":\"", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_Csv_FormulaCustomerId_IsGuardedUnlessTurnedOff()
    {
        const string Workspace = "formulas";
        await server.RunAsync(Workspace, "segments", "create", "buyers", "--rule", "did(purchase)");
        await ImportAsync(Workspace, "\"=HYPERLINK(\"\"http://evil.example\"\",\"\"open\"\")\",purchase", "@c2,purchase");
        var guarded = Path.Combine(_directory, "guarded.csv");
        var raw = Path.Combine(_directory, "raw.csv");

        var (exit, _) = await server.RunAsync(Workspace, "segments", "export", "buyers", "-o", guarded);
        var (rawExit, _) = await server.RunAsync(Workspace, "segments", "export", "buyers", "-o", raw, "--no-formula-guard");
        var (_, help) = await server.RunAsync(Workspace, "segments", "export", "--help");

        Assert.Equal(0, exit);
        Assert.Equal(["\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"open\"\")\"", "'@c2"], (await File.ReadAllLinesAsync(guarded, TestContext.Current.CancellationToken)).Skip(1).Select(CustomerCell));
        Assert.Equal(0, rawExit);
        Assert.Equal(["\"=HYPERLINK(\"\"http://evil.example\"\",\"\"open\"\")\"", "@c2"], (await File.ReadAllLinesAsync(raw, TestContext.Current.CancellationToken)).Skip(1).Select(CustomerCell));
        Assert.Contains("--no-formula-guard", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changes_FromTheStart_ListsEntriesAndTheNextCursor()
    {
        const string Workspace = "changes";
        await server.RunAsync(Workspace, "segments", "create", "buyers", "--rule", "did(purchase)");
        await ImportAsync(Workspace, "c1,purchase");

        var (exit, output) = await server.RunAsync(Workspace, "segments", "changes", "buyers");

        Assert.Equal(0, exit);
        Assert.Matches(@"c1\s+│ enter", output);
        Assert.Matches(@"next cursor: \S+", output);
    }

    private async Task ImportAsync(string workspace, params string[] rows)
    {
        var file = Path.Combine(_directory, $"{Guid.NewGuid():N}.csv");
        var lines = rows.Select((r, i) => $"{r},2024-05-0{1 + (i % 9)}T10:00:00Z");
        await File.WriteAllLinesAsync(file, ["customer,type,time", .. lines], TestContext.Current.CancellationToken);
        var (exit, output) = await server.RunAsync(workspace, "import", "--file", file, "--customer-column", "customer", "--time-column", "time", "--type-column", "type");
        Assert.True(exit == 0, output);
    }

    private static string Prefix(string csvLine) => string.Join(',', csvLine.Split(',').Take(2));

    /// <summary>The customer cell as written: everything before ",member," (the id may itself hold quoted commas).</summary>
    private static string CustomerCell(string csvLine) => csvLine[..csvLine.LastIndexOf(",member,", StringComparison.Ordinal)];

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
