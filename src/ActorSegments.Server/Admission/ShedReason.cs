namespace ActorSegments.Server.Admission;

/// <summary>Why an ingest request was refused before any of its work began.</summary>
internal enum ShedReason
{
    /// <summary>As many unary ingest calls as allowed were already being read or served.</summary>
    RequestsInFlight,

    /// <summary>Its events would take the events in flight past the bound.</summary>
    EventsInFlight,

    /// <summary>The work ahead of it would not drain before its deadline.</summary>
    Deadline,
}
