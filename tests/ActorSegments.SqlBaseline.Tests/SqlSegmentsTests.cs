using ActorSegments.Testing;
using ActorSegments.Workload;

namespace ActorSegments.SqlBaseline.Tests;

/// <summary>The SQL segments against a throwaway database: every one runs, and hand-checked ones return exactly their members.</summary>
public sealed class SqlSegmentsTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Covers_TheWorkloadSegmentsInOrder()
    {
        var sql = SqlSegments.Build(WindowPrecision.Exact, Now).Select(s => s.Id);
        Assert.Equal(WorkloadSegments.All.Select(s => s.Id), sql);
    }

    [Theory]
    [InlineData(WindowPrecision.Exact)]
    [InlineData(WindowPrecision.Tiered)]
    public async Task EverySegment_RunsOnAGeneratedHistory(WindowPrecision precision)
    {
        await using var database = await LoadedAsync("sql_all", new WorkloadEvents(30).History(3000, 365, Now));

        var segments = SqlSegments.Build(precision, Now);
        var cost = await FullRefresh.RunAsync(database.DataSource, segments, Now);

        Assert.Equal(cost.Members, await database.ScalarAsync<long>("SELECT count(*) FROM segment_members_sql"));
        Assert.True(cost.Members > 0);
    }

    [Theory]
    [InlineData(WindowPrecision.Exact)]
    [InlineData(WindowPrecision.Tiered)]
    public async Task HandCheckedSegments_ReturnExactlyTheirMembers(WindowPrecision precision)
    {
        await using var database = await LoadedAsync("sql_hand", HandChecked.Events(Now));

        var members = await FullRefresh.MembersAsync(database.DataSource, SqlSegments.Build(precision, Now), Now);

        foreach (var (segment, expected) in HandChecked.Expected)
        {
            Assert.True(expected.SetEquals(members[segment]), $"{segment}: expected [{string.Join(", ", expected.Order())}], got [{string.Join(", ", members[segment].Order())}]");
        }
    }

    /// <summary>A fresh database holding the baseline's tables and <paramref name="events"/>.</summary>
    private static async Task<TestDatabase> LoadedAsync(string purpose, IEnumerable<WorkloadEvent> events)
    {
        var database = await TestPostgres.CreateDatabaseAsync(purpose);
        await EventTable.CreateAsync(database.DataSource);
        await EventTable.CopyAsync(database.DataSource, events);
        return database;
    }
}
