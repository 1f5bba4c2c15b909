using ActorSegments.Domain.Events;

namespace ActorSegments.Abstractions.Customers;

/// <summary>
/// One customer of one workspace (key from <see cref="CustomerGrainKey"/>): owns that customer's behavioral state
/// and applies its events one at a time, in arrival order, at their occurred-at time.
/// </summary>
[Alias("actorsegments.customer")]
public interface ICustomerGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies events in order and returns after they are stored durably. Events whose id this customer ever recorded are
    /// counted as duplicates and change nothing, so a caller may retry after any failure.
    /// </summary>
    [Alias("track")]
    Task<TrackResult> TrackAsync([Immutable] CustomerEvent[] events);

    /// <summary>
    /// Sets and removes traits (an identify call) and re-evaluates the segments reading them, returning after the
    /// update is stored durably. An update id recorded before changes nothing, so a caller may retry.
    /// </summary>
    /// <returns>True when applied, false when the id was recorded before.</returns>
    [Alias("identify")]
    Task<bool> IdentifyAsync([Immutable] TraitUpdate update);

    /// <summary>
    /// Records what a model computed for this customer (cohort, scores, recommendations) and re-evaluates the segments
    /// reading them. An output id applied before changes nothing, so a job may retry. A job's call does not keep the
    /// customer in memory afterwards.
    /// </summary>
    /// <returns>True when applied, false when the id was applied before.</returns>
    [Alias("apply-model-output")]
    Task<bool> ApplyModelOutputsAsync([Immutable] ModelOutput outputs);

    /// <summary>
    /// Looks at the segments again now: those whose deadlines are due, and all of them when the definitions changed.
    /// Called when a stored wake-up comes due and by backfills; harmless at any time.
    /// </summary>
    [Alias("wake")]
    Task WakeAsync();

    /// <summary>
    /// Evaluates every segment with definitions at least as new as <paramref name="definitionsVersion"/> (a backfill
    /// passes the version it is for) and records the changes.
    /// </summary>
    [Alias("reevaluate")]
    Task ReevaluateAsync(long definitionsVersion);

    /// <summary>The customer's current profile, or null when no event was ever applied.</summary>
    [Alias("get-profile")]
    Task<CustomerProfileView?> GetProfileAsync();

    /// <summary>
    /// Evaluates one segment's rule now and traces it; null when the customer has no history or the segment does not
    /// exist.
    /// </summary>
    [Alias("explain")]
    Task<SegmentExplanationView?> ExplainAsync(string segmentId);

    /// <summary>
    /// Links <see cref="AliasRequest.PreviousId"/> into this customer (docs/identity.md): the previous id leaves its
    /// segments and becomes an alias, its history is imported here, and segments are evaluated once. Idempotent by the
    /// link id; retry until it succeeds. Throws <see cref="CustomerLinkRefusedException"/> when refused, and
    /// <see cref="CustomerLinkConflictException"/> when the previous id was merging at that instant (retry).
    /// </summary>
    [Alias("merge")]
    Task<AliasResult> MergeAsync(AliasRequest request);

    /// <summary>
    /// Called by the customer a link merges into: this customer leaves every segment and becomes its alias, keeping its
    /// journal for the caller to import. Asked again by the same customer, it answers the same. A customer in the middle
    /// of its own merge refuses at once, with <see cref="CustomerLinkConflictException"/>, to surrender to a customer
    /// whose id sorts after its own (links never wait on each other in a cycle).
    /// </summary>
    [Alias("surrender")]
    Task<SurrenderResult> SurrenderAsync(SurrenderRequest request);

    /// <summary>
    /// Erases the customer (docs/privacy.md): it leaves every segment (exits committed like any change), then its
    /// stored rows are deleted and its id suppressed and redacted in one transaction, and the activation ends. Returns
    /// once that is durable; repeating it is harmless. <paramref name="erasedBy"/> names the caller for the audit log.
    /// The ids linked into the customer (Alias) are erased with it; an alias itself throws
    /// <see cref="CustomerAliasedException"/> naming the customer to erase instead.
    /// </summary>
    [Alias("erase")]
    Task<ErasureResult> EraseAsync(string erasedBy);

    /// <summary>
    /// Erases this id as part of erasing the customer it was linked into (<see cref="EraseAsync"/> of that customer):
    /// the same, except that an alias does not refer the caller to that customer.
    /// </summary>
    [Alias("erase-linked")]
    Task<ErasureResult> EraseLinkedAsync(string erasedBy);

    /// <summary>
    /// Lets an erased id start a new customer: takes it off the suppression list. False when it was not on it.
    /// </summary>
    [Alias("restart-erased")]
    Task<bool> RestartErasedAsync();

    /// <summary>
    /// Writes the customer's snapshot now, so that journal retention may delete the entries it includes. Does not keep
    /// the customer in memory afterwards; does nothing for an erased id.
    /// </summary>
    [Alias("snapshot")]
    Task SnapshotAsync();

    /// <summary>
    /// Hands the customer's feature row, computed now from its state, to the silo's feature writer, as a change of
    /// behavior does (a layout upgrade asks this of customers whose stored row is of an older layout). Changes neither
    /// state nor journal, and does not keep the customer in memory afterwards.
    /// </summary>
    /// <returns>False when there is no row to write: no history, an alias, or an erased id.</returns>
    [Alias("rewrite-features")]
    Task<bool> RewriteFeaturesAsync();
}
