using ActorSegments.Protos.V1;
using ActorSegments.Testing;
using Google.Protobuf.WellKnownTypes;
using Npgsql;

namespace ActorSegments.Server.Tests;

/// <summary>
/// An existing deployment upgrades in place: this build, started on a database the release 9c9b44b wrote
/// (Fixtures/make-release-db.sh; its customer snapshots in Orleans' grain storage), moves those snapshots into
/// customer_snapshots at start and serves every customer, segment and event id as the release did.
/// </summary>
public sealed class UpgradeFromReleaseTests
{
    private const string Release = "9c9b44b";
    private const string LegacyStateName = "customer-state-v2";
    private static readonly ReleaseFacts Facts = ReleaseFacts.Load(Release);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Upgrade_FromTheRelease_EveryProfileIsWhatTheReleaseAnswered()
    {
        await using var db = await ReleaseDatabase.RestoreAsync(Release);
        await using var server = await RunningServer.StartAsync(RunningServer.OnPostgres(db));

        var observed = new List<ProfileFacts>();
        foreach (var customer in Facts.Customers)
        {
            observed.Add(ProfileFacts.Of(await ProfileAsync(server, customer.Id)));
        }

        Assert.Equal(Facts.Customers.Select(ProfileFacts.Of), observed);
    }

    [Fact]
    public async Task Upgrade_FromTheRelease_SegmentsKeepTheirRulesMembersAndCounts()
    {
        await using var db = await ReleaseDatabase.RestoreAsync(Release);
        await using var server = await RunningServer.StartAsync(RunningServer.OnPostgres(db));

        var listed = await server.Segments.ListSegmentsAsync(new ListSegmentsRequest { WorkspaceId = Facts.Workspace }, cancellationToken: Ct);
        Assert.Equal(
            Facts.Segments.Select(s => (s.Id, s.Rule, s.Members, SegmentStatus.Live)),
            listed.Segments.OrderBy(s => s.SegmentId, StringComparer.Ordinal).Select(s => (s.SegmentId, s.Rule, s.Members, s.Status)));
        foreach (var segment in Facts.Segments)
        {
            var got = await server.Segments.GetSegmentAsync(new GetSegmentRequest { WorkspaceId = Facts.Workspace, SegmentId = segment.Id }, cancellationToken: Ct);
            var members = await server.Segments.ListMembersAsync(new ListMembersRequest { WorkspaceId = Facts.Workspace, SegmentId = segment.Id }, cancellationToken: Ct);

            Assert.Equal(segment.Members, got.Members);
            Assert.Equal(Facts.MembersOf(segment.Id).Order(StringComparer.Ordinal), members.Members.Select(m => m.CustomerId).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Upgrade_FromTheRelease_MovesEachLegacySnapshotIntoCustomerSnapshotsAtItsJournalSequence()
    {
        await using var db = await ReleaseDatabase.RestoreAsync(Release);
        // Every snapshot the release wrote covers its customer's whole journal (the script sends events so that it
        // does), so its sequence is the customer's number of journal entries.
        var legacy = await PairsAsync(db, $"""
            SELECT j.customer_id, count(*) FROM customer_journal j
            WHERE j.workspace_id = $1 AND EXISTS (
                SELECT 1 FROM orleans_grain_state s
                WHERE s.grain_type = '{LegacyStateName}' AND s.grain_id_string = 'cust:' || j.workspace_id || '/' || j.customer_id)
            GROUP BY j.customer_id
            """, Facts.Workspace);
        Assert.Equal(Facts.Customers.Where(c => c.LegacySnapshot).Select(c => (c.Id, c.TotalEvents)).OrderBy(p => p.Id, StringComparer.Ordinal), legacy);

        // Read before any call: starting activates no customer (the fixture has no wake-ups due), so every row found
        // here was written by the start itself.
        await using var server = await RunningServer.StartAsync(RunningServer.OnPostgres(db));
        var left = await db.ScalarAsync<long>($"SELECT count(*) FROM orleans_grain_state WHERE grain_type = '{LegacyStateName}'");
        Assert.Equal(0, left);

        var moved = await PairsAsync(db, "SELECT customer_id, sequence FROM customer_snapshots WHERE workspace_id = $1", Facts.Workspace);
        Assert.Equal(legacy, moved);
    }

    [Theory]
    [InlineData("huge-01")] // a legacy snapshot whose event id index holds 700 ids (a hash index)
    [InlineData("heavy-14")] // a legacy snapshot written mid-run at 256 entries, none after it
    [InlineData("edge-15")] // no snapshot: rebuilt from its journal
    public async Task Upgrade_ResendingACustomersWholeHistory_AnswersDuplicatesAndChangesNothing(string customerId)
    {
        await using var db = await ReleaseDatabase.RestoreAsync(Release);
        var history = await HistoryAsync(db, customerId);
        await using var server = await RunningServer.StartAsync(RunningServer.OnPostgres(db));
        var before = ProfileFacts.Of(await ProfileAsync(server, customerId));

        var resent = await server.Ingest.TrackBatchAsync(new TrackBatchRequest { Events = { history } }, cancellationToken: Ct);
        var afterResend = ProfileFacts.Of(await ProfileAsync(server, customerId));
        var journalAfterResend = await JournalLengthAsync(db, customerId);
        var next = Events.Make(customerId, eventId: $"{customerId}-after-upgrade", workspaceId: Facts.Workspace);
        var applied = await server.Ingest.TrackAsync(new TrackRequest { Event = next }, cancellationToken: Ct);
        var afterNew = await ProfileAsync(server, customerId);

        Assert.Equal(Facts.Customers.Single(c => c.Id == customerId).TotalEvents, history.Count);
        Assert.Equal((0, history.Count), (resent.Applied, resent.Duplicates));
        Assert.Equal(before, afterResend);
        Assert.Equal(history.Count, journalAfterResend);
        Assert.Equal(EventOutcome.Applied, applied.Outcome);
        Assert.Equal(history.Count + 1, afterNew.TotalEvents);
        Assert.Equal(history.Count + 1, await JournalLengthAsync(db, customerId));
    }

    [Fact]
    public async Task Upgrade_ATraitUpdateAndAModelOutputTheReleaseRecorded_AreReadAsTypedRecordsAndMarkedByKind()
    {
        // The fixture's script sends only events (it has no $identify or $model rows), so rows as the release wrote
        // them are appended to a customer's journal before the upgrade: edge-15 has no snapshot and replays them all.
        const string customerId = "edge-15";
        await using var db = await ReleaseDatabase.RestoreAsync(Release);
        var length = await JournalLengthAsync(db, customerId);
        await db.ExecuteAsync($$"""
            INSERT INTO customer_journal (workspace_id, customer_id, sequence, applied_at, event_id, event_type, occurred_at, body)
            SELECT workspace_id, customer_id, sequence + 1, applied_at, 'identify-1', '$identify', occurred_at, '\x{{ReleaseJournalBodies.Identify}}'::bytea
            FROM customer_journal WHERE workspace_id = '{{Facts.Workspace}}' AND customer_id = '{{customerId}}' AND sequence = {{length}}
            UNION ALL
            SELECT workspace_id, customer_id, sequence + 2, applied_at, 'cohort-run-1', '$model', occurred_at, '\x{{ReleaseJournalBodies.Model}}'::bytea
            FROM customer_journal WHERE workspace_id = '{{Facts.Workspace}}' AND customer_id = '{{customerId}}' AND sequence = {{length}}
            """);

        await using var server = await RunningServer.StartAsync(RunningServer.OnPostgres(db));
        var profile = await ProfileAsync(server, customerId);
        var retried = await server.Ingest.IdentifyAsync(new IdentifyRequest
        {
            WorkspaceId = Facts.Workspace,
            CustomerId = customerId,
            UpdateId = "identify-1",
            Traits = { ["plan"] = Value.ForString("silver") },
        }, cancellationToken: Ct);

        Assert.Equal("gold", profile.Traits["plan"].StringValue);
        Assert.Equal(["a", "b"], profile.Traits["tags"].ListValue.Values.Select(v => v.StringValue));
        Assert.False(profile.Traits.ContainsKey("gone"));
        Assert.Equal(("cohort-2", 0.5), (profile.Cohort, profile.Scores["purchase_30d"]));
        Assert.Equal(EventOutcome.Duplicate, retried.Outcome);
        Assert.Equal("1:-,2:-", await db.ScalarAsync<string>(
            $"SELECT string_agg(kind || ':' || coalesce(event_type, '-'), ',' ORDER BY sequence) FROM customer_journal WHERE workspace_id = '{Facts.Workspace}' AND customer_id = '{customerId}' AND sequence > {length}"));
    }

    private static Task<CustomerProfile> ProfileAsync(RunningServer server, string customerId) =>
        server.Profiles.GetCustomerAsync(new GetCustomerRequest { WorkspaceId = Facts.Workspace, CustomerId = customerId }, cancellationToken: Ct).ResponseAsync;

    /// <summary>The customer's journal as wire events: the same ids, types and times the release recorded.</summary>
    private static async Task<List<Event>> HistoryAsync(TestDatabase db, string customerId)
    {
        await using var command = Query(db, "SELECT event_id, event_type, occurred_at FROM customer_journal WHERE workspace_id = $1 AND customer_id = $2 ORDER BY sequence", Facts.Workspace, customerId);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var events = new List<Event>();
        while (await reader.ReadAsync(Ct))
        {
            events.Add(new Event
            {
                WorkspaceId = Facts.Workspace,
                CustomerId = customerId,
                EventId = reader.GetString(0),
                Type = reader.GetString(1),
                OccurredAt = Timestamp.FromDateTime(reader.GetDateTime(2)),
            });
        }

        return events;
    }

    private static async Task<long> JournalLengthAsync(TestDatabase db, string customerId)
    {
        await using var command = Query(db, "SELECT count(*) FROM customer_journal WHERE workspace_id = $1 AND customer_id = $2", Facts.Workspace, customerId);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    /// <summary>(customer id, number) rows of <paramref name="sql"/>, in ordinal order of the ids.</summary>
    private static async Task<List<(string Id, long Value)>> PairsAsync(TestDatabase db, string sql, params object[] parameters)
    {
        await using var command = Query(db, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<(string Id, long Value)>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return [.. rows.OrderBy(r => r.Id, StringComparer.Ordinal)];
    }

    private static NpgsqlCommand Query(TestDatabase db, string sql, params object[] parameters)
    {
        var command = db.DataSource.CreateCommand(sql);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
