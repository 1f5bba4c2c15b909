using System.IO.Hashing;
using System.Text;
using ActorSegments.Protos.V1;
using Google.Protobuf.WellKnownTypes;

namespace ActorSegments.Datasets.Synthetic;

/// <summary>
/// A finished randomized email campaign over the synthetic shop, for training and checking uplift models: the shop's
/// customers with <c>historyDays</c> of behavior before <see cref="Start"/>, each assigned in the experiment's first
/// hour to <c>treatment</c> (messaged, a <c>treatedShare</c> of them) or <c>control</c> (held out), and a purchase
/// within the <c>windowDays</c> after assignment or none, drawn from the customer's true chances
/// (<see cref="UpliftResponse"/>). The same arguments give the same customers, arms, outcomes and events.
/// </summary>
/// <remarks>
/// The experiment is externally assigned (<see cref="Experiment"/>): the assignments are <c>experiment_assigned</c>
/// events, as an ESP's send log would bring them, so the whole trial goes through ingest and the server measures it
/// like any other. A customer's two potential outcomes share one uniform draw (it buys when the draw is under its
/// chance in its arm), so a customer who buys unmessaged and is helped by the message buys messaged too, and the
/// treated and control customers differ only by the effect, never by luck drawn twice.
/// </remarks>
public sealed class UpliftTrial
{
    public const string AssignmentEventType = "experiment_assigned";
    public const string TreatedArm = "treatment";
    public const string ControlArm = "control";

    private readonly string _workspaceId;

    public UpliftTrial(int seed, int customers, int historyDays, DateTime start, string experimentId = "spring", double treatedShare = 0.5, int windowDays = 14, string workspaceId = "demo")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(treatedShare);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(treatedShare, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowDays);
        Shop = new SyntheticShop(seed, customers, historyDays, start, workspaceId);
        Start = Shop.End;
        ExperimentId = experimentId;
        TreatedShare = treatedShare;
        WindowDays = windowDays;
        _workspaceId = workspaceId;
        var behaviors = UpliftBehavior.Of(Shop.Events(), Start);
        Customers = [.. Shop.Customers.Select(c => Answer(seed, c.Id, behaviors.GetValueOrDefault(c.Id) ?? new UpliftBehavior(0, null, 0, 0, 0, 0)))];
    }

    /// <summary>The shop whose history precedes the experiment.</summary>
    public SyntheticShop Shop { get; }

    /// <summary>When the experiment starts: the end of the shop's history.</summary>
    public DateTime Start { get; }

    public string ExperimentId { get; }

    public double TreatedShare { get; }

    public int WindowDays { get; }

    /// <summary>Every customer with its arm, outcome and true chances.</summary>
    public IReadOnlyList<UpliftTrialCustomer> Customers { get; }

    /// <summary>The experiment as the API takes it: externally assigned, judged on a purchase within the window.</summary>
    public Experiment Experiment() => new()
    {
        ExperimentId = ExperimentId,
        Name = "Synthetic randomized email campaign",
        Channel = "email",
        Assignment = AssignmentMode.External,
        External = new ExternalAssignment { EventType = AssignmentEventType, ExperimentProperty = "experiment", ArmProperty = "arm" },
        Arms =
        {
            new ExperimentArm { Name = TreatedArm, Weight = TreatedShare },
            new ExperimentArm { Name = ControlArm, Weight = 1 - TreatedShare, Control = true },
        },
        Metrics = { new ExperimentMetric { Name = $"purchase_{WindowDays}d", Kind = MetricKind.Conversion, EventType = "purchase", Days = WindowDays } },
    };

    /// <summary>The shop's history, then the assignments and purchases of the experiment, in time order.</summary>
    public IEnumerable<Event> Events() => Shop.Events().Concat(ExperimentEvents());

    /// <summary>The experiment's own events: every customer's assignment, and the purchases in the window, in time order.</summary>
    public IEnumerable<Event> ExperimentEvents()
    {
        var timed = new List<(DateTime At, Event Event)>();
        foreach (var customer in Customers)
        {
            var assigned = EventFactory.Create(_workspaceId, customer.Id, $"{customer.Id}-assign-{ExperimentId}", AssignmentEventType, customer.AssignedAt);
            assigned.Properties.Add("experiment", Value.ForString(ExperimentId));
            assigned.Properties.Add("arm", Value.ForString(customer.Treated ? TreatedArm : ControlArm));
            timed.Add((customer.AssignedAt, assigned));
            if (customer.ConvertedAt is { } at)
            {
                var purchase = EventFactory.Create(_workspaceId, customer.Id, $"{customer.Id}-answer-{ExperimentId}", "purchase", at);
                purchase.Properties.Add("revenue", Value.ForNumber(customer.Revenue));
                timed.Add((at, purchase));
            }
        }

        return timed.OrderBy(t => t.At).Select(t => t.Event);
    }

    private UpliftTrialCustomer Answer(int seed, string id, UpliftBehavior behavior)
    {
        var group = UpliftResponse.GroupOf(behavior);
        var quiet = UpliftResponse.BaseChance(behavior);
        var messaged = Math.Clamp(quiet + UpliftResponse.Effect(group, behavior), 0, 1);
        var treated = Draw(seed, id, "arm") < TreatedShare;
        var assignedAt = Start.AddSeconds(Math.Floor(Draw(seed, id, "sent") * 3600));
        var converted = Draw(seed, id, "buys") < (treated ? messaged : quiet);
        DateTime? convertedAt = converted ? assignedAt.AddSeconds(60 + Math.Floor(Draw(seed, id, "when") * ((WindowDays * 86_400) - 120))) : null;
        var revenue = converted ? Math.Round(20 + (Draw(seed, id, "amount") * 80), 2) : 0;
        return new UpliftTrialCustomer(id, group, treated, assignedAt, quiet, messaged, converted, convertedAt, revenue);
    }

    /// <summary>A uniform draw in [0, 1) from (seed, customer, purpose), as <see cref="CampaignResponse"/> draws.</summary>
    private static double Draw(int seed, string customerId, string purpose) =>
        (XxHash64.HashToUInt64(Encoding.UTF8.GetBytes($"uplift\0{seed}\0{customerId}\0{purpose}")) >> 11) * (1.0 / (1UL << 53));
}
