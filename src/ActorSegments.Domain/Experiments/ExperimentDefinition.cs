namespace ActorSegments.Domain.Experiments;

/// <summary>
/// A campaign test or experiment as a marketer defines it. A campaign test is an experiment with one messaged arm and
/// a control; a strategy experiment has several messaged arms, each with its own targeting rule; an externally
/// assigned experiment learns its arms from ingested events.
/// </summary>
/// <param name="Id">Stable id (lower-case letters, digits, '_', starting with a letter): in segment ids and rules.</param>
/// <param name="Name">A human-readable name.</param>
/// <param name="Channel">Where the messages go: a free label such as <c>email</c>, <c>push</c>, <c>in_app</c>, <c>ad</c>.</param>
/// <param name="Mode">Who assigns customers to arms.</param>
/// <param name="Audience">
/// The rule a customer must match to be assigned (randomized experiments): assignment happens the first time the
/// customer matches it and never changes afterwards, even when the customer stops matching.
/// </param>
/// <param name="Arms">The arms; exactly one is the control.</param>
/// <param name="Metrics">The goals; the first is the primary metric.</param>
/// <param name="Salt">
/// Mixed into the assignment hash so that two experiments over the same customers split them independently. Never
/// changes once the experiment runs.
/// </param>
/// <param name="External">For externally assigned experiments: the event that carries the assignment.</param>
public sealed record ExperimentDefinition(
    string Id,
    string Name,
    string Channel,
    AssignmentMode Mode,
    string? Audience,
    IReadOnlyList<ExperimentArm> Arms,
    IReadOnlyList<ExperimentMetric> Metrics,
    string Salt,
    ExternalAssignment? External = null)
{
    public ExperimentMetric PrimaryMetric => Metrics[0];

    public ExperimentArm ControlArm => Arms.First(a => a.Control);

    public ExperimentArm? Arm(string name) => Arms.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal));
}
