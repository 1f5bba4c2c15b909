using ActorSegments.Domain.Experiments;
using ActorSegments.Protos.V1;

namespace ActorSegments.Cluster.Tests.Harness;

/// <summary>
/// The experiment every failure test runs alongside its segments: every customer with an event is assigned to one of
/// three arms. After the failure, each arm's segment must hold exactly the customers the hash gives it, and the
/// results must count each customer once, however often its grain was lost and reactivated meanwhile.
/// </summary>
internal static class FailoverExperiment
{
    public const string Id = "failover";

    public static readonly string[] Arms = ["a", "b", "control"];

    public static Experiment Message => new()
    {
        ExperimentId = Id,
        Name = "Failover assignment",
        Channel = "email",
        Assignment = Protos.V1.AssignmentMode.Randomized,
        Audience = "customer.events >= 1",
        Salt = Id,
        Arms =
        {
            new Protos.V1.ExperimentArm { Name = "a", Weight = 1 },
            new Protos.V1.ExperimentArm { Name = "b", Weight = 1 },
            new Protos.V1.ExperimentArm { Name = "control", Weight = 1, Control = true },
        },
        Metrics = { new Protos.V1.ExperimentMetric { Name = "purchase_7d", Kind = Protos.V1.MetricKind.Conversion, EventType = "purchase", Days = 7 } },
    };

    /// <summary>The segments the experiment adds to every assigned customer's profile.</summary>
    public static IEnumerable<string> SegmentsOf(string customerId) => [$"exp-{Id}", $"exp-{Id}-{ArmOf(customerId)}"];

    /// <summary>The arm the server's hash gives the customer (the same function the server uses).</summary>
    public static string ArmOf(string customerId) => ArmChooser.Choose(Definition, customerId).Name;

    private static readonly ExperimentDefinition Definition = new(
        Id, "Failover assignment", "email", Domain.Experiments.AssignmentMode.Randomized, "customer.events >= 1",
        [new Domain.Experiments.ExperimentArm("a", 1), new Domain.Experiments.ExperimentArm("b", 1), new Domain.Experiments.ExperimentArm("control", 1, Control: true)],
        [],
        Id);
}
