using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Events;
using ActorSegments.Postgres.Journal;
using ActorSegments.Postgres.Migrations;
using ActorSegments.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorSegments.Postgres.Tests;

/// <summary>
/// Migration 0013 on a journal the previous release wrote: the rows of its reserved types are marked with their kind
/// and lose the pseudo type, the others stay behavioral, and every row still loads as its typed record. Migration 0014
/// admits the fourth kind, experiment assignments.
/// </summary>
public sealed class TypedJournalMigrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migration13_ReleaseRowsOfReservedTypes_GetTheirKindAndNoEventType_AndLoadTyped()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync("kind_backfill");
        var migrator = new SchemaMigrator(db.DataSource, NullLogger<SchemaMigrator>.Instance);
        await migrator.MigrateAsync(12, Ct);
        await db.ExecuteAsync($"""
            INSERT INTO customer_journal (workspace_id, customer_id, sequence, applied_at, event_id, event_type, occurred_at, body) VALUES
            ('w', 'c', 1, 100, 'e1', 'purchase', now(), '\x{ReleaseJournalBodies.Purchase}'),
            ('w', 'c', 2, 101, 'identify-1', '$identify', now(), '\x{ReleaseJournalBodies.Identify}'),
            ('w', 'c', 3, 102, 'cohort-run-1', '$model', now(), '\x{ReleaseJournalBodies.Model}')
            """);

        await migrator.MigrateAsync(Ct);

        Assert.Equal("1:0:purchase,2:1:-,3:2:-", await db.ScalarAsync<string>(
            "SELECT string_agg(sequence || ':' || kind || ':' || coalesce(event_type, '-'), ',' ORDER BY sequence) FROM customer_journal"));
        await using var journal = new PostgresCustomerJournal(db.DataSource, new JournalOptions(), NullLogger<PostgresCustomerJournal>.Instance);
        var records = (await journal.LoadAsync("w", "c", Ct)).Entries.Select(e => e.Record).ToList();
        Assert.Equal("purchase", Assert.IsType<CustomerEvent>(records[0]).Type);
        Assert.Equal(TraitValue.Of("gold"), Assert.IsType<TraitUpdate>(records[1]).Traits.Single(t => t.Key == "plan").Value);
        Assert.Equal("cohort-2", Assert.IsType<ModelOutput>(records[2]).Cohort);
    }

    [Fact]
    public async Task Migration13_NewRowWithAKindAndAnEventType_IsRefused()
    {
        await using var db = await PostgresStorage.MigratedDatabaseAsync("kind_check");

        var refused = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => db.ExecuteAsync("""
            INSERT INTO customer_journal (workspace_id, customer_id, sequence, applied_at, event_id, kind, event_type, occurred_at, body)
            VALUES ('w', 'c', 1, 100, 'u1', 1, '$identify', now(), '\x00')
            """));

        Assert.Equal("customer_journal_kind", refused.ConstraintName);
    }

    [Fact]
    public async Task Migration14_AssignmentRowWithoutEventType_IsStored_AndAnUnknownKindOrAnAssignmentWithAType_Refused()
    {
        await using var db = await PostgresStorage.MigratedDatabaseAsync("kind_check_assignment");
        Task InsertAsync(int sequence, int kind, string eventType) => db.ExecuteAsync($"""
            INSERT INTO customer_journal (workspace_id, customer_id, sequence, applied_at, event_id, kind, event_type, occurred_at, body)
            VALUES ('w', 'c', {sequence}, 100, '$assign:spring_sale', {kind}, {eventType}, now(), '\x00')
            """);

        await InsertAsync(1, 3, "NULL");
        var typed = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => InsertAsync(2, 3, "'purchase'"));
        var unknown = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => InsertAsync(3, 5, "NULL"));

        Assert.Equal(("customer_journal_kind", "customer_journal_kind"), (typed.ConstraintName, unknown.ConstraintName));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM customer_journal WHERE kind = 3"));
    }

    [Fact]
    public async Task Migration19_AliasLinkRowWithoutEventType_IsStored_AndOneWithATypeRefused()
    {
        await using var db = await PostgresStorage.MigratedDatabaseAsync("kind_check_alias_link");
        Task InsertAsync(int sequence, string eventType) => db.ExecuteAsync($"""
            INSERT INTO customer_journal (workspace_id, customer_id, sequence, applied_at, event_id, kind, event_type, occurred_at, body)
            VALUES ('w', 'c', {sequence}, 100, 'link-1', 4, {eventType}, now(), '\x00')
            """);

        await InsertAsync(1, "NULL");
        var typed = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => InsertAsync(2, "'purchase'"));

        Assert.Equal("customer_journal_kind", typed.ConstraintName);
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM customer_journal WHERE kind = 4"));
    }
}
