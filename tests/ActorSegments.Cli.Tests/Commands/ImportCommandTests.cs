using ActorSegments.Cli.Tests.Data.Sheets;
using ActorSegments.Protos.V1;

namespace ActorSegments.Cli.Tests.Commands;

public sealed class ImportCommandTests(CliServer server) : IClassFixture<CliServer>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cli-import-").FullName;

    [Fact]
    public async Task Import_BadRow_IsRejectedWithLineAndColumnWhileTheOthersAreApplied()
    {
        const string Csv = "customer,time,type,amount\n" +
            "c1,2024-05-01T10:00:00Z,purchase,10.5\n" +
            "c2,2024-05-02T10:00:00Z,purchase,not-a-number\n" +
            "c3,2024-05-03T10:00:00Z,purchase,20\n";
        var file = Path.Combine(_directory, "orders.csv");
        await File.WriteAllTextAsync(file, Csv, TestContext.Current.CancellationToken);
        var badColumn = Csv.Split('\n')[2].IndexOf("not-a-number", StringComparison.Ordinal) + 1;

        var (exit, output) = await server.RunAsync("imports", "import", "--file", file, "--customer-column", "customer",
            "--time-column", "time", "--type-column", "type", "--property", "amount:number=revenue");

        Assert.Equal(0, exit);
        Assert.Matches(@"│ 3\s+│ 2\s+│ 2\s+│ 0\s+│ 1\s+│", output);
        Assert.Contains($"rejected line 3, column {badColumn}: expected a finite number in column 'amount'", output, StringComparison.Ordinal);
        using var connection = server.Connect("imports");
        var profile = await connection.Profiles.GetCustomerAsync(new GetCustomerRequest { WorkspaceId = "imports", CustomerId = "c3" }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(1, profile.TotalEvents);
    }

    [Fact]
    public async Task Import_SameFileTwice_SecondRunAppliesNothing()
    {
        var file = Path.Combine(_directory, "twice.csv");
        await File.WriteAllTextAsync(file, "who,when\nc1,2024-05-01T10:00:00Z\nc2,2024-05-01T11:00:00Z\n", TestContext.Current.CancellationToken);
        string[] args = ["import", "--file", file, "--customer-column", "who", "--time-column", "when", "--type", "purchase"];
        await server.RunAsync("twice", args);

        var (exit, output) = await server.RunAsync("twice", args);

        Assert.Equal(0, exit);
        Assert.Matches(@"│ 2\s+│ 2\s+│ 0\s+│ 2\s+│ 0\s+│", output);
    }

    [Fact]
    public async Task Import_MappingNamesAMissingColumn_IsAUsageError()
    {
        var file = Path.Combine(_directory, "missing.csv");
        await File.WriteAllTextAsync(file, "who,when\nc1,2024-05-01T10:00:00Z\n", TestContext.Current.CancellationToken);

        var (exit, output) = await server.RunAsync("missing", "import", "--file", file, "--customer-column", "customer", "--time-column", "when", "--type", "purchase");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("customer", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_XlsxWithAMapping_DatesAndNumbersAsTheSheetShowsThem()
    {
        var file = Path.Combine(_directory, "orders.xlsx");
        XlsxWriter.Write(file,
        [
            ["customer", "ordered", "total"],
            ["c1", new XDate(new DateTime(2024, 5, 1, 10, 0, 0)), new XNumber("19.899999999999999")],
            [17850, new XDate(new DateTime(2024, 5, 2, 11, 30, 0)), 5],
            ["c3", "not a date", 1],
        ]);

        var (exit, output) = await server.RunAsync("xlsx-import", "import", "--file", file, "--customer-column", "customer",
            "--time-column", "ordered", "--type", "purchase", "--property", "total:number=revenue");

        Assert.True(exit == 0, output);
        Assert.Matches(@"│ 3\s+│ 2\s+│ 2\s+│ 0\s+│ 1\s+│", output);
        Assert.Contains("rejected line 4, column 2: expected a time", output, StringComparison.Ordinal);
        using var connection = server.Connect("xlsx-import");
        var profile = await connection.Profiles.GetCustomerAsync(new GetCustomerRequest { WorkspaceId = "xlsx-import", CustomerId = "c1" }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(19.9, profile.Rfm.Monetary, 9);
        Assert.Equal(new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc), profile.FirstSeen.ToDateTime());
        var numeric = await connection.Profiles.GetCustomerAsync(new GetCustomerRequest { WorkspaceId = "xlsx-import", CustomerId = "17850" }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(1, numeric.TotalEvents);
    }

    [Theory]
    [InlineData("--file")]
    [InlineData("--retail")]
    public async Task Import_DamagedWorkbook_FailsWithAMessageNotAStackTrace(string option)
    {
        var file = Path.Combine(_directory, $"damaged{option}.xlsx");
        await File.WriteAllBytesAsync(file, [0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8], TestContext.Current.CancellationToken);

        var (exit, output) = await server.RunAsync("damaged", "import", option, file, "--customer-column", "c", "--time-column", "t", "--type", "purchase");

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains("import stopped: Not a readable zip or XLSX file", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
