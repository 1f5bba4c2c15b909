using ActorSegments.Domain.Segments;
using ActorSegments.Domain.Storage;

namespace ActorSegments.Grains.Segments;

/// <summary>
/// Evaluates a rule that is not saved on the committed records of a uniform random sample of the workspace's
/// customers (all of them when the sample covers the workspace), read in bulk: no customer is activated and nothing is
/// written, so a marketer may preview as often as they edit.
/// </summary>
public sealed class SegmentPreviewer(SegmentDefinitions definitions, ICustomerRegistry registry, ICustomerJournal journal, TimeProvider clock)
{
    public const int DefaultSampleSize = 2_000;
    public const int MaxSampleSize = 20_000;
    public const int DefaultMatchesShown = 20;
    public const int MaxMatchesShown = 100;

    /// <summary>Records read per round trip: large enough to amortize it, small enough to keep memory flat.</summary>
    private const int LoadBatch = 500;

    /// <summary>
    /// Previews <paramref name="rule"/> as <paramref name="segmentId"/>: evaluates it on up to
    /// <paramref name="sampleSize"/> customers (1 to <see cref="MaxSampleSize"/>) and returns up to
    /// <paramref name="matchesShown"/> of those it matched (0 to <see cref="MaxMatchesShown"/>).
    /// </summary>
    public async Task<SegmentPreview> PreviewAsync(string workspaceId, string segmentId, string rule, int sampleSize, int matchesShown, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sampleSize, MaxSampleSize);
        ArgumentOutOfRangeException.ThrowIfNegative(matchesShown);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(matchesShown, MaxMatchesShown);
        var evaluatedAt = clock.GetUtcNow();
        var candidate = await definitions.CompileAsync(workspaceId, segmentId, rule, cancellationToken);
        if (candidate.Refusal is { } refusal || candidate.Segment is not { } segment)
        {
            return new SegmentPreview(candidate.Refusal, null, [], evaluatedAt);
        }

        // Counted first: a customer registered in between makes the sample at most as large as the count it is scaled to.
        var customers = await registry.CountAsync(workspaceId, cancellationToken);
        var sample = await registry.SampleAsync(workspaceId, sampleSize, cancellationToken);
        var now = evaluatedAt.ToUnixTimeSeconds();
        var matched = 0L;
        var matches = new List<string>(matchesShown);
        foreach (var batch in sample.Chunk(LoadBatch))
        {
            var records = await journal.LoadManyAsync(workspaceId, batch, cancellationToken);
            foreach (var customer in batch)
            {
                if (CommittedRecords.Matches(segment.Rule, customer, records.GetValueOrDefault(customer) ?? CustomerRecord.None, candidate.Model, now))
                {
                    matched++;
                    if (matches.Count < matchesShown)
                    {
                        matches.Add(customer);
                    }
                }
            }
        }

        return new SegmentPreview(null, AudienceEstimate.From(customers, sample.Count, matched), matches, evaluatedAt);
    }
}
