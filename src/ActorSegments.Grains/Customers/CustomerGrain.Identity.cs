using ActorSegments.Abstractions.Customers;
using ActorSegments.Domain.Customers;
using ActorSegments.Domain.Events;
using ActorSegments.Domain.Segments;
using ActorSegments.Domain.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Serialization.Invocation;

namespace ActorSegments.Grains.Customers;

/// <summary>
/// Identity: linking a previous (anonymous) id into this customer, and being such an alias (docs/identity.md).
/// </summary>
/// <remarks>
/// The surviving customer orchestrates: it asks the previous id to surrender (that customer commits its link record
/// with the exits of all its segments and from then on only redirects), then reads the previous id's journal and
/// commits one import with the link id, so a retried link is a duplicate. A crash between the two commits is healed by
/// the client's retry: the previous id answers the same link again. An alias never calls its target (no call cycles);
/// it answers with a redirect the gateway follows. An alias never writes a snapshot, so its link record is always among
/// the entries its activation replays.
/// <para>
/// A survivor waits on the previous id while holding its own turn, so two links in opposite directions (a into b, b
/// into a) would each wait on the other. A customer that is merging therefore does not wait to surrender to a customer
/// whose id sorts after its own: that request is let in at once (<see cref="RefusedWhileMerging"/>) and refused with
/// <see cref="CustomerLinkConflictException"/>, nothing changed. Every cycle of waiting customers has a step from a
/// greater id to a smaller one, where this refusal breaks it; a surrender to a smaller id waits its turn as before.
/// </para>
/// </remarks>
[MayInterleave(nameof(RefusedWhileMerging))]
public sealed partial class CustomerGrain
{
    private AliasLink? _alias;

    // True from the start of a merge to its end, set before its first await: a surrender request that arrives meanwhile,
    // or is queued behind the merge, is judged by it as soon as the merge starts.
    private bool _merging;

    // Resolved from the container rather than the constructor: the limits are read only by links, which are rare.
    private IdentityOptions Identity => ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>().Value;

    /// <summary>Snapshots would hide an alias's link record from its next activation (see remarks).</summary>
    private bool MaySnapshot => _alias is null;

    /// <summary>Called on activation: true when the journal says this id is an alias, which then does nothing else.</summary>
    private bool IsAliasIn(CustomerRecord record)
    {
        _alias = CustomerLinks.AliasOf(record.Entries, _customerId);
        return _alias is not null;
    }

    private void ThrowIfAlias()
    {
        if (_alias is { } alias)
        {
            throw new CustomerAliasedException(alias.CustomerId);
        }
    }

    /// <summary>
    /// Orleans asks this of a request that arrives while another one runs: true lets it in at once. Only a surrender
    /// that <see cref="SurrenderAsync"/> refuses without touching the state is let in (see remarks).
    /// </summary>
    public bool RefusedWhileMerging(IInvokable request) =>
        _merging && request is not null && request.GetArgumentCount() == 1 && request.GetArgument(0) is SurrenderRequest surrender
        && string.CompareOrdinal(surrender.CustomerId, _customerId) > 0;

    public Task<AliasResult> MergeAsync(AliasRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ThrowIfBroken();
        if (_alias is { } alias)
        {
            return Task.FromResult(AliasResult.Redirect(alias.CustomerId));
        }

        return MergingAsync(request);
    }

    private async Task<AliasResult> MergingAsync(AliasRequest request)
    {
        _merging = true;
        try
        {
            return await MergeIntoThisAsync(request);
        }
        finally
        {
            _merging = false;
        }
    }

    private async Task<AliasResult> MergeIntoThisAsync(AliasRequest request)
    {
        _onlyHousekeeping = false;
        Awaken(client: true);
        if (await LinkedBeforeAsync(request.LinkId))
        {
            return new AliasResult(false, _customerId, 0);
        }

        var mine = await HistoryAsync(_customerId);
        var surrender = new SurrenderRequest(request.LinkId, _customerId, request.AllowKnownMerge, CustomerLinks.IsKnown(mine),
            Identity.MaxAliases - CustomerLinks.AliasCount(mine, _customerId), request.At);
        var source = request.PreviousId;
        for (var hop = 0; !string.Equals(source, _customerId, StringComparison.Ordinal); hop++)
        {
            if (hop > Identity.MaxHops)
            {
                throw new CustomerLinkRefusedException($"previous_id '{request.PreviousId}' is an alias through more than {Identity.MaxHops} links (ActorSegments:Identity:MaxHops).") { Field = "previous_id" };
            }

            var surrendered = await GrainFactory.GetCustomer(_workspaceId, source).SurrenderAsync(surrender);
            if (surrendered.RedirectTo is { } next)
            {
                source = next; // the previous id was merged elsewhere: that customer is what this link merges
                continue;
            }

            // The source is this customer's alias now, under the link it surrendered with (this one, or an earlier
            // link of the same ids): imported once per that link.
            var linkId = surrendered.LinkId!;
            if (!string.Equals(linkId, request.LinkId, StringComparison.Ordinal) && await LinkedBeforeAsync(linkId))
            {
                return new AliasResult(false, _customerId, 0);
            }

            return await ImportAsync(linkId, source, request.At, mine);
        }

        return new AliasResult(false, _customerId, 0); // the two ids are one customer already
    }

    public async Task<SurrenderResult> SurrenderAsync(SurrenderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_merging)
        {
            // Let in while this customer's own merge waits (RefusedWhileMerging): refused, the state untouched.
            throw new CustomerLinkConflictException(
                $"previous_id '{_customerId}' is merging another id into itself right now, and customer_id '{request.CustomerId}' sorts after it: a merging customer does not wait to be merged into a greater id, so that links in opposite directions never wait on each other.")
            { Field = "previous_id" };
        }

        ThrowIfBroken();
        if (_alias is { } alias)
        {
            return string.Equals(alias.CustomerId, request.CustomerId, StringComparison.Ordinal)
                ? new SurrenderResult(alias.EventId, null)
                : new SurrenderResult(null, alias.CustomerId);
        }

        Awaken(client: false);
        var history = await HistoryAsync(_customerId);
        if (request.CustomerKnown && !request.AllowKnownMerge && CustomerLinks.IsKnown(history))
        {
            throw new CustomerLinkRefusedException(
                $"previous_id '{_customerId}' and customer_id '{request.CustomerId}' are both known customers (each had an identify call); set allow_known_merge to merge them.")
            { Field = "previous_id" };
        }

        var aliases = 1 + CustomerLinks.AliasCount(history, _customerId);
        if (aliases > request.AliasRoom)
        {
            throw new CustomerLinkRefusedException(
                $"customer_id '{request.CustomerId}' may take {Math.Max(request.AliasRoom, 0)} more aliases and this link would add {aliases} (ActorSegments:Identity:MaxAliases is {Identity.MaxAliases}).")
            { Field = "ActorSegments:Identity:MaxAliases", LimitReached = true };
        }

        var now = Now();
        _changes.Clear();
        foreach (var (segmentId, _) in _memberships.Members)
        {
            _changes.Add(new MembershipChange(segmentId, false, now, MembershipCause.Merge));
        }

        _memberships.Restore([]); // no segments and no wake-up: an alias is never evaluated again
        var link = new AliasLink(request.LinkId, request.At, _customerId, request.CustomerId, 0);
        _alias = link;
        var entry = new JournalEntry(++_sequence, now, link);
        EventIds.Add(link.EventId, entry.Sequence);
        await CommitAsync([entry]);
        DeactivateOnIdle(); // nothing of the state is needed any more; a later call only reads the link back
        return new SurrenderResult(link.EventId, null);
    }

    /// <summary>Imports the previous id's history under <paramref name="linkId"/> and evaluates every segment once.</summary>
    private async Task<AliasResult> ImportAsync(string linkId, string previousId, DateTimeOffset at, IReadOnlyList<JournalEntry> mine)
    {
        var import = AliasMerge.Plan(linkId, at, previousId, _customerId, await HistoryAsync(previousId), mine);
        var now = Now();
        var workspace = await catalog.GetAsync(_workspaceId);
        _changes.Clear();
        if (_sequence == 0)
        {
            // A customer with no history: its first evaluation is the merge's, not one of an empty customer first.
            (_model, _definitionsVersion) = (workspace.Model, workspace.Version);
        }

        CatchUp(workspace, now);
        var entries = new List<JournalEntry>(import.Records.Count);
        foreach (var record in import.Records)
        {
            var entry = new JournalEntry(++_sequence, now, record);
            entries.Add(entry);
            EventIds.Add(record.EventId, entry.Sequence);
            _applied.Clear();
            State.ApplyRecorded(record, _model, now, _applied);
            if (workspace.Experiments.Count > 0)
            {
                _experiments.Record(record, workspace.Experiments, _model, _outcomes);
            }
        }

        _memberships.ApplyAll(workspace.Segments, State, _model, now, MembershipCause.Merge, _changes);
        AssignEligible(workspace, now, entries);
        await CommitAsync(entries);
        LogMerged(_workspaceId, previousId, _customerId, import.MergedEvents);
        return new AliasResult(true, _customerId, import.MergedEvents);
    }

    private async Task<bool> LinkedBeforeAsync(string linkId) =>
        (await RecordedBeforeAsync([new AliasLink(linkId, default, string.Empty, _customerId, 0)])).Count > 0;

    /// <summary>A customer's whole journal; a failed read changes nothing and is answered as retryable.</summary>
    private async Task<IReadOnlyList<JournalEntry>> HistoryAsync(string customerId)
    {
        try
        {
            return await journal.HistoryAsync(_workspaceId, customerId);
        }
        catch (Exception ex)
        {
            throw new EventsNotStoredException($"Customer {_workspaceId}/{customerId} could not read its journal for a link: {ex.Message}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Customer {WorkspaceId}/{PreviousId} linked into {CustomerId}: {MergedEvents} events imported")]
    private partial void LogMerged(string workspaceId, string previousId, string customerId, int mergedEvents);
}
