using ActorSegments.Cluster.Tests.Harness;
using ActorSegments.Cluster.Tests.Verification;
using ActorSegments.Protos.V1;
using ActorSegments.Testing;
using Npgsql;

namespace ActorSegments.Cluster.Tests.Identity;

/// <summary>
/// Checks that every pair became one customer exactly once: what the client was told, each survivor's profile (both
/// histories, each event once) and each alias's, the segments' members, counts and change feeds, the journal's link
/// records and event ids, and that every event and link sent again is a duplicate.
/// </summary>
internal sealed class AliasVerifier(ApiClients client, AliasPairs pairs, string connectionString, CancellationToken cancellationToken)
{
    public async Task AllAsync(IReadOnlyDictionary<int, LinkAnswer> answers)
    {
        Answers(answers);
        await ProfilesAsync();
        await SegmentsAsync();
        await FeedsAsync();
        await JournalAsync();
        await SentAgainAsync();
    }

    /// <summary>
    /// One answer per pair: APPLIED into the known id, moving the anonymous id's three events and the racing one when
    /// it reached the anonymous id first; DUPLICATE only where an earlier attempt failed (after applying the link).
    /// The racing events were applied, or duplicates of a failed attempt that stored them.
    /// </summary>
    public void Answers(IReadOnlyDictionary<int, LinkAnswer> answers)
    {
        Assert.Equal(pairs.Numbers, answers.Keys.Order());
        var wrong = new List<string>();
        foreach (var (pair, answer) in answers.OrderBy(p => p.Key))
        {
            var link = answer.Link.Answer;
            var linkOk = link.CustomerId == AliasPairs.Known(pair) && link.Outcome switch
            {
                EventOutcome.Applied => link.MergedEvents is 3 or 4,
                EventOutcome.Duplicate => link.MergedEvents == 0 && answer.Link.FailedAttempts > 0,
                _ => false,
            };
            if (!linkOk || !Accounted(answer.ToAnonymous) || !Accounted(answer.ToKnown))
            {
                wrong.Add($"pair {pair}: {link} after {answer.Link.FailedAttempts} failed attempts; events {answer.ToAnonymous}, {answer.ToKnown}");
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} pairs were answered wrongly:\n{string.Join('\n', wrong)}");

        static bool Accounted(Answered<TrackResponse> track) =>
            track.Answer.Outcome == EventOutcome.Applied || (track.Answer.Outcome == EventOutcome.Duplicate && track.FailedAttempts > 0);
    }

    /// <summary>Each known id holds both histories, each event once, and is in both segments; each anonymous id reads as its alias.</summary>
    public async Task ProfilesAsync()
    {
        var wrong = new List<string>();
        foreach (var pair in pairs.Numbers)
        {
            var (anon, known) = (AliasPairs.Anonymous(pair), AliasPairs.Known(pair));
            var expected = AliasPairs.ExpectedCounts(pair);
            var survivor = await ProfileAsync(known);
            var viaAlias = await ProfileAsync(anon);
            var counts = Describe(survivor.EventTypes.ToDictionary(t => t.Type, t => t.Count));
            var segments = string.Join(",", survivor.Segments.Select(s => s.SegmentId).Order(StringComparer.Ordinal));
            if (survivor.CustomerId != known || survivor.AliasId.Length > 0 || survivor.TotalEvents != expected.Values.Sum() || counts != Describe(expected)
                || segments != $"{AliasPairs.RepeatBuyers},{AliasPairs.Viewers}"
                || viaAlias.CustomerId != known || viaAlias.AliasId != anon || viaAlias.TotalEvents != survivor.TotalEvents)
            {
                wrong.Add($"pair {pair}: expected {known} with {Describe(expected)}; read {survivor.CustomerId} (alias '{survivor.AliasId}') with {survivor.TotalEvents}: {counts}, "
                    + $"segments [{segments}]; {anon} reads as {viaAlias.CustomerId} (alias '{viaAlias.AliasId}') with {viaAlias.TotalEvents}");
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} of {pairs.Count} pairs read wrongly:\n{string.Join('\n', wrong)}");
    }

    /// <summary>Both segments hold exactly the known ids: paged members and the reported count.</summary>
    public async Task SegmentsAsync()
    {
        var known = pairs.Numbers.Select(AliasPairs.Known).ToList();
        foreach (var (segment, _) in pairs.Segments)
        {
            Assert.Equal(known, (await MembersAsync(segment)).Order(StringComparer.Ordinal));
            // The reported count is cached for about a second after the last change; wait for it to settle, then compare.
            var reported = await Eventually.ReturnsAsync(() => CountAsync(segment), count => count == known.Count, TimeSpan.FromSeconds(30));
            Assert.Equal(known.Count, reported);
        }
    }

    /// <summary>
    /// Each segment's change feed, per customer in order: an anonymous id entered viewers on its events and left it at
    /// the merge, once; a known id entered viewers once (on its own view, or at the merge) and repeat_buyers once at
    /// the merge; nobody else appears, nothing repeats.
    /// </summary>
    public async Task FeedsAsync()
    {
        var viewers = pairs.Numbers.SelectMany(pair => new[]
        {
            Line(AliasPairs.Anonymous(pair), "enter EVENT, exit MERGE"),
            Line(AliasPairs.Known(pair), AliasPairs.KnownViewedBefore(pair) ? "enter EVENT" : "enter MERGE"),
        });
        var buyers = pairs.Numbers.Select(pair => Line(AliasPairs.Known(pair), "enter MERGE"));

        Assert.Equal(Sorted(viewers), await FeedAsync(AliasPairs.Viewers, 3 * pairs.Count));
        Assert.Equal(Sorted(buyers), await FeedAsync(AliasPairs.RepeatBuyers, pairs.Count));

        static string Line(string customer, string changes) => $"{customer}: {changes}";
    }

    /// <summary>
    /// The journal itself: each link recorded once by each side (the anonymous id's surrender, the known id's import),
    /// no other link, and each known id's events exactly the ids both histories were sent with, none twice.
    /// </summary>
    public async Task JournalAsync()
    {
        await using var db = NpgsqlDataSource.Create(connectionString);
        var links = await RowsAsync(db, "SELECT customer_id || ' ' || event_id || ' x' || count(*) FROM customer_journal WHERE workspace_id = $1 AND kind = 4 GROUP BY customer_id, event_id");
        var expectedLinks = pairs.Numbers.SelectMany(pair => new[] { $"{AliasPairs.Anonymous(pair)} {AliasPairs.LinkId(pair)} x1", $"{AliasPairs.Known(pair)} {AliasPairs.LinkId(pair)} x1" });
        Assert.Equal(Sorted(expectedLinks), Sorted(links));

        var events = await RowsAsync(db, "SELECT customer_id || ' ' || event_id || ' x' || count(*) FROM customer_journal WHERE workspace_id = $1 AND kind = 0 AND customer_id LIKE 'known-%' GROUP BY customer_id, event_id");
        var expectedEvents = pairs.Numbers.SelectMany(pair => SentTo(pair).Select(e => $"{AliasPairs.Known(pair)} {e.EventId} x1"));
        Assert.Equal(Sorted(expectedEvents), Sorted(events));
    }

    /// <summary>Every event sent again under the id it was first sent to, and every link sent again, is a duplicate naming the known id.</summary>
    public async Task SentAgainAsync()
    {
        var all = pairs.Numbers.SelectMany(SentTo).ToList();
        foreach (var chunk in all.Chunk(500))
        {
            var batch = new TrackBatchRequest { Events = { chunk } };
            var answer = await Retrying.CallAsync(o => client.Ingest.TrackBatchAsync(batch, o), cancellationToken);
            Assert.Equal((0, chunk.Length), (answer.Applied, answer.Duplicates));
        }

        foreach (var pair in pairs.Numbers)
        {
            var again = await Retrying.CallAsync(o => client.Ingest.AliasAsync(pairs.Link(pair), o), cancellationToken);
            Assert.Equal((EventOutcome.Duplicate, AliasPairs.Known(pair), 0), (again.Outcome, again.CustomerId, again.MergedEvents));
        }
    }

    /// <summary>Every event a pair's two ids were sent, before and during the link.</summary>
    private IEnumerable<Event> SentTo(int pair) =>
        [.. pairs.BeforeLinks(pair), pairs.DuringLink(pair, toAnonymous: true), pairs.DuringLink(pair, toAnonymous: false)];

    private static string Describe(IEnumerable<KeyValuePair<string, long>> counts) =>
        string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"));

    private static List<string> Sorted(IEnumerable<string> lines) => [.. lines.Order(StringComparer.Ordinal)];

    private async Task<List<string>> RowsAsync(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        command.Parameters.AddWithValue(pairs.WorkspaceId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private Task<CustomerProfile> ProfileAsync(string customer) => Retrying.CallAsync(
        o => client.Profiles.GetCustomerAsync(new GetCustomerRequest { WorkspaceId = pairs.WorkspaceId, CustomerId = customer }, o), cancellationToken);

    private Task<long> CountAsync(string segmentId) => SegmentReads.CountAsync(client, pairs.WorkspaceId, segmentId, cancellationToken);

    private Task<List<string>> MembersAsync(string segmentId) => SegmentReads.MembersAsync(client, pairs.WorkspaceId, segmentId, cancellationToken);

    /// <summary>
    /// The whole feed of a segment as one line per customer ("enter EVENT, exit MERGE"), in each customer's order. The
    /// feed shows a change once every transaction older than it has ended, so it is read until it holds
    /// <paramref name="changes"/> changes (or the bound passes, and the comparison shows what is missing).
    /// </summary>
    private async Task<List<string>> FeedAsync(string segmentId, int changes)
    {
        var feed = await Eventually.ReturnsAsync(() => ChangesAsync(segmentId), read => read.Count >= changes, TimeSpan.FromSeconds(30));
        return Sorted(feed
            .GroupBy(c => c.CustomerId, StringComparer.Ordinal)
            .Select(g => $"{g.Key}: {string.Join(", ", g.OrderBy(c => c.Sequence).Select(c => $"{(c.Entered ? "enter" : "exit")} {Cause(c.Cause)}"))}"));

        static string Cause(ChangeCause cause) => cause.ToString().ToUpperInvariant();
    }

    private async Task<List<MembershipChange>> ChangesAsync(string segmentId)
    {
        var changes = new List<MembershipChange>();
        var cursor = string.Empty;
        while (true)
        {
            var page = await Retrying.CallAsync(
                o => client.Segments.ListChangesAsync(new ListChangesRequest { WorkspaceId = pairs.WorkspaceId, SegmentId = segmentId, Cursor = cursor, PageSize = 1000 }, o),
                cancellationToken);
            changes.AddRange(page.Changes);
            if (page.Changes.Count == 0 || page.NextCursor == cursor)
            {
                return changes;
            }

            cursor = page.NextCursor;
        }
    }
}
