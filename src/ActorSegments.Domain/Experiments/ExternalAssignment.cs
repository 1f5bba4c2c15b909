namespace ActorSegments.Domain.Experiments;

/// <summary>
/// How an externally assigned experiment learns who got which arm: events of <paramref name="EventType"/> whose
/// string property <paramref name="ExperimentProperty"/> is the experiment's id assign the customer to the arm named
/// by <paramref name="ArmProperty"/>, at the event's time.
/// </summary>
public sealed record ExternalAssignment(string EventType, string ExperimentProperty = "experiment", string ArmProperty = "arm");
