using ActorSegments.Domain.Events;
using ActorSegments.Domain.Experiments;
using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Time;
using ActorSegments.Postgres.Experiments;
using ActorSegments.Postgres.Journal;
using ActorSegments.Postgres.Migrations;
using ActorSegments.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorSegments.Postgres.Tests.Experiments;

public sealed class ExperimentTotalsTests
{
    private const long T0 = 1_780_000_000;

    private static async Task<TestDatabase> MigratedAsync(string name)
    {
        var db = await TestPostgres.CreateDatabaseAsync(name);
        await new SchemaMigrator(db.DataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(TestContext.Current.CancellationToken);
        return db;
    }

    private static JournalEntry Entry(long sequence, string id) =>
        new(sequence, T0 + sequence, new CustomerEvent(id, "purchase", UnixTime.ToDateTimeOffset(T0), CustomerEvent.NoProperties));

    [Fact]
    public async Task Totals_ManyConcurrentCommits_AreTheSumOfTheirDeltas()
    {
        await using var db = await MigratedAsync("experiment_totals_sum");
        await using var journal = new PostgresCustomerJournal(db.DataSource, new JournalOptions { Writers = 3 }, NullLogger<PostgresCustomerJournal>.Instance);
        var totals = new PostgresExperimentTotals(db.DataSource);
        var all = new List<OutcomeDelta>();
        var commits = new List<Task>();
        for (var c = 0; c < 300; c++)
        {
            var arm = c % 3 == 0 ? "holdout" : "treatment";
            OutcomeDelta[] deltas =
            [
                OutcomeDelta.Assigned("exp", arm, T0),
                new("exp", arm, "purchase_7d", OutcomeDelta.HourOf(T0), 0, c % 2, 0, 0),
                new("exp", arm, "revenue_30d", OutcomeDelta.HourOf(T0) + (c % 2 * 3_600), 0, 0, c * 1.25, c * 1.25 * c * 1.25),
                new("other", "a", null, 0, 1, 0, 0, 0),
            ];
            all.AddRange(deltas);
            commits.Add(journal.CommitAsync(new CustomerCommit("ws", $"c{c}", [Entry(1, $"e{c}")], [], null, Outcomes: deltas), TestContext.Current.CancellationToken));
        }

        await Task.WhenAll(commits);

        var expected = ArmMetricTotals.Add(all.Where(d => d.ExperimentId == "exp"));
        var stored = await totals.TotalsAsync("ws", "exp", TestContext.Current.CancellationToken);
        Assert.Equal(expected.Select(t => (t.Arm, t.Metric, t.AssignedHour, t.Customers, t.Conversions)), stored.Select(t => (t.Arm, t.Metric, t.AssignedHour, t.Customers, t.Conversions)));
        Assert.Equal(expected.Select(t => t.Sum), stored.Select(t => t.Sum), new ToleranceComparer(1e-9));
        Assert.Equal(expected.Select(t => t.SumOfSquares), stored.Select(t => t.SumOfSquares), new ToleranceComparer(1e-9));
        Assert.Equal([("a", (string?)null, 300L)], (await totals.TotalsAsync("ws", "other", TestContext.Current.CancellationToken)).Select(t => (t.Arm, t.Metric, t.Customers)));
        Assert.Empty(await totals.TotalsAsync("ws2", "exp", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Totals_ACommitWhoseTransactionFails_AddsNothing()
    {
        await using var db = await MigratedAsync("experiment_totals_failed");
        await using var journal = new PostgresCustomerJournal(db.DataSource, new JournalOptions(), NullLogger<PostgresCustomerJournal>.Instance);
        var totals = new PostgresExperimentTotals(db.DataSource);
        await journal.CommitAsync(new CustomerCommit("ws", "c1", [Entry(1, "e1")], [], null, Outcomes: [OutcomeDelta.Assigned("exp", "a", T0)]), TestContext.Current.CancellationToken);

        // The same sequence again: the journal's key refuses it, and the deltas go with it.
        await Assert.ThrowsAsync<JournalCommitException>(() => journal.CommitAsync(
            new CustomerCommit("ws", "c1", [Entry(1, "e1-again")], [], null, Outcomes: [OutcomeDelta.Assigned("exp", "a", T0)]), TestContext.Current.CancellationToken));

        Assert.Equal(1, Assert.Single(await totals.TotalsAsync("ws", "exp", TestContext.Current.CancellationToken)).Customers);
    }

    [Fact]
    public async Task Totals_TwoWritersAtOnce_NeverUpdateTheSameRow()
    {
        await using var db = await MigratedAsync("experiment_totals_slots");
        await using var journal = new PostgresCustomerJournal(db.DataSource, new JournalOptions { Writers = 4 }, NullLogger<PostgresCustomerJournal>.Instance);
        await Task.WhenAll(Enumerable.Range(0, 400).Select(c => journal.CommitAsync(
            new CustomerCommit("ws", $"c{c}", [Entry(1, $"e{c}")], [], null, Outcomes: [OutcomeDelta.Assigned("exp", "a", T0)]), TestContext.Current.CancellationToken)));

        // Each row belongs to one backend; several writers wrote, into rows of their own, and together they hold every customer.
        Assert.Equal(400L, await db.ScalarAsync<long>("SELECT sum(customers)::bigint FROM experiment_total_slots"));
        Assert.Equal(
            await db.ScalarAsync<long>("SELECT count(*) FROM experiment_total_slots"),
            await db.ScalarAsync<long>("SELECT count(DISTINCT slot) FROM experiment_total_slots"));
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance * Math.Max(1, Math.Abs(x));

        public int GetHashCode(double obj) => 0;
    }
}
