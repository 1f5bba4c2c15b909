using ActorSegments.Cluster.Tests.Harness;
using ActorSegments.Cluster.Tests.Ingest;
using ActorSegments.Protos.V1;
using ActorSegments.Testing;

namespace ActorSegments.Cluster.Tests.Verification;

/// <summary>
/// Checks what the cluster holds against what the client was told: every acknowledged event counted exactly once in
/// its customer's profile, and every segment's count, its paged members and each profile's segments agreeing with a
/// recount from the acknowledged events.
/// </summary>
internal sealed class ClusterVerifier(ApiClients client, Workload workload, AcknowledgementRecord record, CancellationToken cancellationToken)
{
    /// <summary>The books, the profiles and the segments, in that order.</summary>
    public async Task AllAsync()
    {
        Bookkeeping();
        await ProfilesAsync();
        await SegmentsAsync();
        await ExperimentAsync();
    }

    /// <summary>
    /// Every customer with an acknowledged event is assigned once, to the arm its hash gives: each arm's segment pages
    /// out exactly those customers, and the results count each of them once.
    /// </summary>
    public async Task ExperimentAsync()
    {
        var customers = record.EventsPerCustomer().Keys.ToList();
        var results = await Retrying.CallAsync(
            o => client.Experiments.GetExperimentResultsAsync(new GetExperimentResultsRequest { WorkspaceId = workload.WorkspaceId, ExperimentId = FailoverExperiment.Id }, o),
            cancellationToken);
        foreach (var arm in FailoverExperiment.Arms)
        {
            var expected = customers.Where(c => FailoverExperiment.ArmOf(c) == arm).ToList();
            Assert.Equal(expected, await MembersAsync($"exp-{FailoverExperiment.Id}-{arm}"));
            Assert.Equal(expected.Count, results.Reach.Single(r => r.Arm == arm).Assigned);
        }
    }

    /// <summary>
    /// The client's own books: one answer per batch, each accounting for every event of its batch; a batch answered
    /// at the first attempt has nothing to be a duplicate of (its ids are new); duplicates appear only where an
    /// earlier attempt failed after storing part of the batch.
    /// </summary>
    public void Bookkeeping()
    {
        var acknowledged = record.Acknowledged;
        var sent = acknowledged.Values.Sum(b => b.Request.Events.Count);
        var ids = acknowledged.Values.SelectMany(b => b.Request.Events).Select(e => (e.CustomerId, e.EventId)).Distinct().Count();
        Assert.Equal(sent, ids);
        Assert.Equal(Enumerable.Range(0, acknowledged.Count).Select(n => (long)n), acknowledged.Keys.Order());
        Assert.All(acknowledged, pair => Assert.Equal(pair.Value.Request.Events.Count, pair.Value.Answer.Applied + pair.Value.Answer.Duplicates));
        Assert.All(acknowledged.Where(p => p.Value.FailedAttempts == 0), pair => Assert.Equal(0, pair.Value.Answer.Duplicates));
        Assert.Equal(sent, acknowledged.Values.Sum(b => b.Answer.Applied + b.Answer.Duplicates));
    }

    /// <summary>Each customer's profile counts exactly the acknowledged events sent to it, by type, and lists exactly the segments its counts imply.</summary>
    public async Task ProfilesAsync()
    {
        var expected = record.EventsPerCustomer();
        var wrong = new List<string>();
        foreach (var (customer, counts) in expected)
        {
            var profile = await Retrying.CallAsync(
                o => client.Profiles.GetCustomerAsync(new GetCustomerRequest { WorkspaceId = workload.WorkspaceId, CustomerId = customer }, o), cancellationToken);
            var actual = string.Join(", ", profile.EventTypes.Select(t => $"{t.Type} {t.Count}"));
            var segments = string.Join(",", profile.Segments.Select(s => s.SegmentId).Order(StringComparer.Ordinal));
            var expectedSegments = string.Join(",", workload.Segments.Where(s => s.Holds(counts)).Select(s => s.Id).Concat(FailoverExperiment.SegmentsOf(customer)).Order(StringComparer.Ordinal));
            if (profile.TotalEvents != counts.Total || actual != counts.ToString() || segments != expectedSegments)
            {
                wrong.Add($"{customer}: acknowledged {counts.Total} ({counts}; segments [{expectedSegments}]), profile {profile.TotalEvents} ({actual}; segments [{segments}])");
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} of {expected.Count} profiles differ from the acknowledged events:\n{string.Join('\n', wrong)}");
    }

    /// <summary>Each segment's reported count equals its members paged out, and both equal the recount from the acknowledged events.</summary>
    public async Task SegmentsAsync()
    {
        var counts = record.EventsPerCustomer();
        foreach (var segment in workload.Segments)
        {
            var expected = counts.Where(c => segment.Holds(c.Value)).Select(c => c.Key).ToList();
            var paged = await MembersAsync(segment.Id);
            // The reported count is cached for about a second after the last change; wait for it to settle, then compare.
            var reported = await Eventually.ReturnsAsync(() => CountAsync(segment.Id), count => count == paged.Count, TimeSpan.FromSeconds(30));

            Assert.Equal(expected, paged);
            Assert.Equal(paged.Count, reported);
        }
    }

    private Task<long> CountAsync(string segmentId) => SegmentReads.CountAsync(client, workload.WorkspaceId, segmentId, cancellationToken);

    private Task<List<string>> MembersAsync(string segmentId) => SegmentReads.MembersAsync(client, workload.WorkspaceId, segmentId, cancellationToken);
}
