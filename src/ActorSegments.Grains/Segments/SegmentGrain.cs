using ActorSegments.Abstractions.Customers;
using ActorSegments.Abstractions.Segments;
using ActorSegments.Domain.Storage;
using Microsoft.Extensions.Logging;

namespace ActorSegments.Grains.Segments;

/// <summary>
/// One segment: its live count (kept exact by the journal, read here at most once a second) and its backfill. A
/// backfill walks the customer registry a page at a time on a grain timer, evaluating each customer with the
/// definitions version it is for, and records its progress after every page. Each page is one call the grain sends
/// itself, so stats and recounts are answered while a backfill runs; a reminder restarts it after a silo failure,
/// from the last recorded customer.
/// </summary>
[GrainType("segment")]
public sealed partial class SegmentGrain(
    ISegmentDefinitionStore definitions,
    ISegmentCounts counts,
    ICustomerRegistry registry,
    IGrainFactory grains,
    SegmentCatalog catalog,
    BackfillMetrics backfills,
    ILogger<SegmentGrain> logger,
    BackfillScreen? screen = null) : Grain, ISegmentGrain, IRemindable
{
    private const string BackfillReminder = "backfill";
    private const int PageSize = 1000;
    private const int Concurrency = 128;
    private static readonly TimeSpan CountCacheFor = TimeSpan.FromSeconds(1);

    private string _workspaceId = string.Empty;
    private string _segmentId = string.Empty;
    private (long Members, long At, int Version, SegmentStatus Status)? _count;
    private bool _backfillQueued;
    private IGrainTimer? _settleTimer;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_workspaceId, _segmentId) = SegmentGrainKey.Parse(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // A backfill that was running here continues from its reminder wherever the segment activates next.
        backfills.Left(_workspaceId, _segmentId);
        return Task.CompletedTask;
    }

    public async Task<SegmentStats?> GetStatsAsync()
    {
        var stored = await FindAsync();
        if (stored is null)
        {
            return null;
        }

        // Reads are cached briefly to spare the database; a new version or status always reads afresh.
        var now = Environment.TickCount64;
        if (_count is not { } cached || now - cached.At > CountCacheFor.TotalMilliseconds || cached.Version != stored.Version || cached.Status != stored.Status)
        {
            _count = (await counts.CountAsync(_workspaceId, _segmentId), now, stored.Version, stored.Status);
        }

        return new SegmentStats(_workspaceId, _segmentId, stored.Rule, stored.Version, stored.Status, _count.Value.Members, stored.BackfillDone, stored.BackfillTotal)
        {
            UpdatedAt = stored.UpdatedAt,
        };
    }

    public async Task<long> RecountAsync()
    {
        var members = await counts.RecountAsync(_workspaceId, _segmentId);
        _count = null;
        return members;
    }

    public async Task StartBackfillAsync(int version)
    {
        var stored = await FindAsync();
        if (stored is null || stored.Version != version || stored.Status == SegmentStatus.Live)
        {
            return; // gone, superseded by a newer version (whose own backfill runs), or done
        }

        // The reminder survives silo failures; the calls the grain sends itself do the work while it is active.
        await this.RegisterOrUpdateReminder(BackfillReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        QueueNextPage();
    }

    public async Task ContinueBackfillAsync()
    {
        _backfillQueued = false;
        if (await BackfillPageAsync())
        {
            QueueNextPage();
        }
    }

    private void QueueNextPage()
    {
        if (!_backfillQueued)
        {
            _backfillQueued = true;
            _ = this.AsReference<ISegmentGrain>().ContinueBackfillAsync();
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var stored = await FindAsync();
        if (stored is null || stored.Status == SegmentStatus.Live)
        {
            await StopBackfillAsync();
            return;
        }

        await StartBackfillAsync(stored.Version);
    }

    /// <summary>Evaluates one page of customers and records the progress; returns whether pages remain.</summary>
    private async Task<bool> BackfillPageAsync()
    {
        var stored = await FindAsync();
        if (stored is null || stored.Status == SegmentStatus.Live)
        {
            await StopBackfillAsync();
            return false;
        }

        var total = stored.Status == SegmentStatus.Pending ? await registry.CountAsync(_workspaceId) : stored.BackfillTotal;
        var definitionsVersion = await definitions.VersionAsync(_workspaceId);
        var page = await registry.PageAsync(_workspaceId, stored.BackfillAfter, PageSize);
        if (screen is not null && page.Count > 0 && stored.UpdatedAt + BackfillScreen.SettleTime - TimeProvider.System.GetUtcNow() is var settle && settle > TimeSpan.Zero)
        {
            ComeBackAfter(settle);
            return false;
        }

        var toEvaluate = screen is null ? page : await screen.AffectedAsync(await catalog.GetAsync(_workspaceId, definitionsVersion), _segmentId, page);
        // A sliding window: as soon as one customer answers, the next is asked, so one slow customer never idles the rest.
        var inFlight = new List<Task>(Concurrency);
        foreach (var customer in toEvaluate)
        {
            if (inFlight.Count == Concurrency)
            {
                var finished = await Task.WhenAny(inFlight);
                inFlight.Remove(finished);
                await finished;
            }

            inFlight.Add(grains.GetCustomer(_workspaceId, customer).ReevaluateAsync(definitionsVersion));
        }

        await Task.WhenAll(inFlight);

        var done = stored.BackfillDone + page.Count;
        if (page.Count < PageSize)
        {
            await definitions.SetProgressAsync(_workspaceId, _segmentId, stored.Version, SegmentStatus.Live, done, Math.Max(total, done), null);
            backfills.Completed(_workspaceId, _segmentId, page.Count);
            LogBackfillDone(_workspaceId, _segmentId, stored.Version, done);
            await StopBackfillAsync();
            return false;
        }

        await definitions.SetProgressAsync(_workspaceId, _segmentId, stored.Version, SegmentStatus.Backfilling, done, Math.Max(total, done), page[^1]);
        backfills.Progressed(_workspaceId, _segmentId, page.Count, done, Math.Max(total, done));
        return true;
    }

    /// <summary>
    /// Screening a page (PostgreSQL) is only valid once every silo has had time to take up the change: until then the
    /// backfill waits on a timer, not inside a call, so counts and progress stay readable meanwhile.
    /// </summary>
    private void ComeBackAfter(TimeSpan wait)
    {
        _backfillQueued = true;
        _settleTimer?.Dispose();
        _settleTimer = this.RegisterGrainTimer(() =>
        {
            _settleTimer?.Dispose();
            _settleTimer = null;
            _backfillQueued = false;
            QueueNextPage();
            return Task.CompletedTask;
        }, new GrainTimerCreationOptions { DueTime = wait, Period = Timeout.InfiniteTimeSpan, KeepAlive = true });
    }

    private async Task StopBackfillAsync()
    {
        backfills.Left(_workspaceId, _segmentId);
        if (await this.GetReminder(BackfillReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private Task<StoredSegment?> FindAsync() => definitions.FindAsync(_workspaceId, _segmentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Backfill of segment {WorkspaceId}/{SegmentId} v{Version} finished: {Customers} customers evaluated")]
    private partial void LogBackfillDone(string workspaceId, string segmentId, int version, long customers);
}
