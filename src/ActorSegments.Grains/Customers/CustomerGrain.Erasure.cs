using ActorSegments.Abstractions.Customers;
using ActorSegments.Domain.Activity;
using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Experiments;
using ActorSegments.Domain.Privacy;
using ActorSegments.Domain.Segments;
using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Time;
using Microsoft.Extensions.Logging;

namespace ActorSegments.Grains.Customers;

/// <summary>
/// Erasure (docs/privacy.md): the customer leaves its segments through the normal commit path, so counts drop and the
/// feed shows the exits in order; then one store transaction suppresses the id and deletes or redacts its rows; then
/// the activation forgets everything and ends. An erased id refuses client calls and ignores housekeeping (wake-ups,
/// backfills, model outputs), so nothing can write a row under it again until a caller restarts it.
/// </summary>
public sealed partial class CustomerGrain
{
    // Set when this activation erased the customer, or found its id on the suppression list when it started with
    // nothing stored. The grain runs one call at a time, so a call queued behind the erasure sees it.
    private bool _erased;

    public async Task<ErasureResult> EraseAsync(string erasedBy)
    {
        // An alias is the same person as the customer it was linked into, whose journal names it: the caller erases
        // that customer, which erases its aliases with it (docs/privacy.md, docs/identity.md).
        ThrowIfAlias();
        return await EraseThisIdAsync(erasedBy);
    }

    public async Task<ErasureResult> EraseLinkedAsync(string erasedBy)
    {
        ThrowIfBroken();
        return await EraseThisIdAsync(erasedBy);
    }

    private async Task<ErasureResult> EraseThisIdAsync(string erasedBy)
    {
        ArgumentException.ThrowIfNullOrEmpty(erasedBy);
        ThrowIfBroken();
        if (!_erased)
        {
            // The ids linked into this one go first: their journals name this id, and this one's journal names them.
            foreach (var previousId in await LinkedIdsAsync())
            {
                await GrainFactory.GetCustomer(_workspaceId, previousId).EraseLinkedAsync(erasedBy);
            }
        }

        var idHash = ErasedIds.Hash(_workspaceId, _customerId);
        var exits = _erased ? [] : await CommitExitsAsync();
        var now = clock.GetUtcNow();
        var visibleFor = privacy.Value.ErasedExitsVisibleFor;
        var order = new ErasureOrder(_workspaceId, _customerId, ErasedIds.NewToken(), visibleFor > TimeSpan.Zero ? now + visibleFor : null, erasedBy, now);
        ErasureReport report;
        try
        {
            // A feature row still waiting on this silo would be written back after the delete.
            await featureWriter.ForgetAsync(_workspaceId, _customerId);
            report = await erasure.EraseAsync(order);
        }
        catch (Exception ex)
        {
            // The exits are committed but the rows are not deleted: the next activation reloads the record and a retry
            // erases it.
            _broken = true;
            DeactivateOnIdle();
            LogErasureFailed(ex, _workspaceId, idHash);
            throw new EventsNotStoredException($"The customer could not be erased ({ex.Message}); retry the erasure.");
        }

        ForgetEverything();
        LogErased(_workspaceId, idHash, exits.Count, report.Total);
        // An id already suppressed had nothing stored under it (nothing can be); what a repeated erasure touches is
        // what the first one left for later (exits still visible in the feed).
        var found = !report.WasSuppressed && (exits.Count > 0 || report.Total > 0);
        return new ErasureResult(found, exits, report.Rows, report.WasSuppressed, idHash);
    }

    /// <summary>The ids linked into this customer by Alias (their link records in its journal).</summary>
    private async Task<IReadOnlyList<string>> LinkedIdsAsync() =>
        [.. (await HistoryAsync(_customerId)).Select(e => e.Record).OfType<AliasLink>()
            .Where(l => string.Equals(l.CustomerId, _customerId, StringComparison.Ordinal) && !string.Equals(l.PreviousId, _customerId, StringComparison.Ordinal))
            .Select(l => l.PreviousId).Distinct(StringComparer.Ordinal)];

    public async Task<bool> RestartErasedAsync()
    {
        if (!_erased)
        {
            return false;
        }

        var lifted = await erasure.LiftSuppressionAsync(_workspaceId, _customerId);
        _erased = false;
        return lifted;
    }

    /// <summary>Leaves every segment the customer is in, committed like any change (cause Erased); returns their ids.</summary>
    private async Task<IReadOnlyList<string>> CommitExitsAsync()
    {
        Awaken(client: false); // a commit may carry a snapshot, which needs the live state
        var segments = _memberships.Members.Keys.Order(StringComparer.Ordinal).ToList();
        if (segments.Count == 0)
        {
            return segments;
        }

        var now = Math.Max(Now(), State.Reference);
        _changes.Clear();
        _changes.AddRange(segments.Select(id => new MembershipChange(id, false, now, MembershipCause.Erased)));
        _memberships.Restore([]);
        await CommitAsync([]);
        return segments;
    }

    /// <summary>The activation as a customer with nothing stored, marked erased, and ending.</summary>
    private void ForgetEverything()
    {
        (_state, _eventIds, _dormant) = (new CustomerState(), new EventIdIndex(), null);
        (_sequence, _definitionsVersion, _sinceSnapshot) = (0, 0, 0);
        _experiments = new CustomerExperiments();
        _memberships.Restore([]);
        _committedWakeUp = UnixTime.Never;
        _wakeTimer?.Dispose();
        (_wakeTimer, _timerFiresAt, _lastCallAt) = (null, UnixTime.Never, long.MinValue);
        ReleaseScratch();
        _erased = true;
        DeactivateOnIdle();
    }

    /// <summary>Refuses a client's records for an erased id.</summary>
    private void ThrowIfErased()
    {
        if (_erased)
        {
            throw new CustomerErasedException($"Customer '{_customerId}' of workspace '{_workspaceId}' was erased; a new customer starts under this id only when the request allows it.");
        }
    }

    /// <summary>Housekeeping (wake-ups, backfills, model outputs) for an erased id: nothing to do, and no reason to stay.</summary>
    private bool IgnoredAsErased()
    {
        if (_erased)
        {
            DeactivateOnIdle();
        }

        return _erased;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Erased a customer of workspace {WorkspaceId} (id hash {IdHash}): {Exits} segment exits, {Rows} rows removed or redacted")]
    private partial void LogErased(string workspaceId, string idHash, int exits, long rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Erasing a customer of workspace {WorkspaceId} (id hash {IdHash}) failed; its exits are committed, a retry erases the rest")]
    private partial void LogErasureFailed(Exception exception, string workspaceId, string idHash);
}
