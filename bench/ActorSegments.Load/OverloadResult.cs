using Grpc.Core;

namespace ActorSegments.Load;

/// <summary>
/// One run of an overload level: every call sent once with a deadline and never retried, and what it ended with.
/// <see cref="Sending"/> runs from the first send to the last, <see cref="Elapsed"/> from the first send to the last
/// answer; <see cref="PeakServerBytes"/> is the server's largest resident set seen during the run (null when no
/// server process was watched).
/// </summary>
public sealed record OverloadRun(
    int Calls,
    long EventsSent,
    TimeSpan Sending,
    IReadOnlyDictionary<StatusCode, int> Statuses,
    long EventsStored,
    TimeSpan Elapsed,
    IReadOnlyList<double> OkMs,
    IReadOnlyList<double> RefusedMs,
    long? PeakServerBytes)
{
    /// <summary>Events of calls answered OK, per second of the run.</summary>
    public double StoredPerSecond => EventsStored / Math.Max(Elapsed.TotalSeconds, 1e-9);

    /// <summary>The load the generator really offered: events sent per second of sending.</summary>
    public double SentPerSecond => EventsSent / Math.Max(Sending.TotalSeconds, 1e-9);

    public int Count(StatusCode status) => Statuses.GetValueOrDefault(status);
}

/// <summary>
/// A level of offered load: a multiple of the capacity in open loop, or a burst of calls sent at once
/// (<see cref="Multiple"/> 0); <see cref="Failures"/> are runs that could not be made (the server failed their setup).
/// </summary>
public sealed record OverloadLevel(string Label, double Multiple, double OfferedPerSecond, IReadOnlyList<OverloadRun> Runs, IReadOnlyList<string> Failures);

/// <summary>An overload scenario: the capacity its levels are multiples of, whether it was measured here, and the levels.</summary>
public sealed record OverloadResult(string Name, LoadOptions Options, double Capacity, bool CapacityMeasured, IReadOnlyList<OverloadLevel> Levels);
