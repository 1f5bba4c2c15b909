using ActorSegments.Server.Admission;
using ActorSegments.Server.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace ActorSegments.Server.Tests.Admission;

/// <summary>The two bounds, the deadline rule and the retry delay, on a fake clock.</summary>
public sealed class AdmissionGateTests
{
    private readonly FakeTimeProvider _time = new();

    private AdmissionGate Gate(int maxEvents = 1_000, int maxRequests = 10, double rate = 1_000, bool enabled = true) => new(
        Microsoft.Extensions.Options.Options.Create(new AdmissionOptions
        {
            Enabled = enabled,
            MaxEventsInFlight = maxEvents,
            MaxRequestsInFlight = maxRequests,
            InitialDrainRate = rate,
            MinRetryDelay = TimeSpan.FromMilliseconds(100),
            MaxRetryDelay = TimeSpan.FromSeconds(5),
        }),
        _time);

    [Fact]
    public void TryAdmit_EventsBeyondTheBound_RefusedAtOnceWithTheDrainOfTheWorkInFlightAsRetryDelay()
    {
        var gate = Gate(maxEvents: 1_000, rate: 1_000);

        Assert.Null(gate.TryAdmit(600, remaining: null));
        var refusal = gate.TryAdmit(500, remaining: null);
        Assert.Null(gate.TryAdmit(400, remaining: null)); // exactly at the bound still fits

        Assert.NotNull(refusal);
        Assert.Equal(ShedReason.EventsInFlight, refusal.Reason);
        Assert.Equal(TimeSpan.FromSeconds(0.6), refusal.RetryAfter); // 600 in flight at 1,000 a second
        Assert.Contains("nothing from this request was applied", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(1_000, gate.EventsInFlight);
    }

    [Fact]
    public void Release_GivesTheRoomBack()
    {
        var gate = Gate(maxEvents: 1_000);
        Assert.Null(gate.TryAdmit(900, remaining: null));
        Assert.NotNull(gate.TryAdmit(200, remaining: null));

        gate.Release(900);

        Assert.Null(gate.TryAdmit(200, remaining: null));
        Assert.Equal(200, gate.EventsInFlight);
    }

    [Fact]
    public void TryAdmit_IdleServer_AdmitsABatchLargerThanTheBoundAndAnyDeadline()
    {
        var gate = Gate(maxEvents: 100, rate: 1);

        Assert.Null(gate.TryAdmit(5_000, remaining: TimeSpan.FromMilliseconds(1)));
        Assert.NotNull(gate.TryAdmit(1, remaining: null));
    }

    [Fact]
    public void TryAdmit_DeadlineShorterThanTheEstimatedWait_RefusedAtOnce_LongerAdmitted()
    {
        var gate = Gate(maxEvents: 10_000, rate: 1_000);
        Assert.Null(gate.TryAdmit(500, remaining: null));

        // 500 ahead and 100 of its own at 1,000 a second: 0.6 s.
        var late = gate.TryAdmit(100, remaining: TimeSpan.FromSeconds(0.5));
        var inTime = gate.TryAdmit(100, remaining: TimeSpan.FromSeconds(1));

        Assert.NotNull(late);
        Assert.Equal(ShedReason.Deadline, late.Reason);
        Assert.Equal(TimeSpan.FromSeconds(0.5), late.RetryAfter); // the 500 ahead drain in half a second
        Assert.Contains("deadline", late.Message, StringComparison.Ordinal);
        Assert.Null(inTime);
        Assert.Equal(600, gate.EventsInFlight);
    }

    [Fact]
    public void Refusal_RetryDelay_IsBoundedByTheConfiguredShortestAndLongest()
    {
        var gate = Gate(maxEvents: 100_000, rate: 1_000);
        Assert.Null(gate.TryAdmit(10, remaining: null));
        var shortest = gate.TryAdmit(100_000, remaining: null);
        Assert.Null(gate.TryAdmit(99_000, remaining: null));
        var longest = gate.TryAdmit(10_000, remaining: null);

        Assert.Equal(TimeSpan.FromMilliseconds(100), shortest!.RetryAfter); // 10 events drain in 10 ms
        Assert.Equal(TimeSpan.FromSeconds(5), longest!.RetryAfter); // 99,010 would take 99 s
    }

    [Fact]
    public void DrainRate_MeasuredWhileBusy_ReplacesTheInitialEstimate_AndIdleTimeDoesNotCount()
    {
        var gate = Gate(maxEvents: 100_000, rate: 1_000);
        Assert.Null(gate.TryAdmit(10_000, remaining: null));
        _time.Advance(TimeSpan.FromSeconds(1));
        gate.Release(10_000); // 10,000 a second while busy

        var afterOneSecond = gate.DrainPerSecond;
        _time.Advance(TimeSpan.FromMinutes(5)); // idle
        var afterIdle = gate.DrainPerSecond;

        // One sample of 1 s weighs 1 - e^(-1/2) against the initial 1,000.
        var expected = 1_000 + ((1 - Math.Exp(-0.5)) * (10_000 - 1_000));
        Assert.Equal(expected, afterOneSecond, precision: 6);
        Assert.Equal(afterOneSecond, afterIdle);
    }

    [Fact]
    public void DrainRate_WorkInFlightAndNothingFinishing_LengthensTheEstimatedWaitUntilDeadlinesAreRefused()
    {
        var gate = Gate(maxEvents: 100_000, rate: 1_000);
        Assert.Null(gate.TryAdmit(100, remaining: null));
        Assert.Null(gate.TryAdmit(100, remaining: TimeSpan.FromSeconds(1))); // 0.2 s at the initial rate

        _time.Advance(TimeSpan.FromSeconds(10)); // a stall: nothing finishes
        var late = gate.TryAdmit(100, remaining: TimeSpan.FromSeconds(30));

        Assert.True(gate.DrainPerSecond < 10, $"drain estimate {gate.DrainPerSecond}/s after a 10 s stall");
        Assert.NotNull(late);
        Assert.Equal(ShedReason.Deadline, late.Reason);
        Assert.Equal(TimeSpan.FromSeconds(5), late.RetryAfter);
    }

    [Fact]
    public void TryEnterRequest_AtTheRequestBound_RefusedUntilOneLeaves()
    {
        var gate = Gate(maxRequests: 2);
        Assert.Null(gate.TryEnterRequest(remaining: null));
        Assert.Null(gate.TryEnterRequest(remaining: null));

        var refusal = gate.TryEnterRequest(remaining: null);
        gate.LeaveRequest();
        var afterLeave = gate.TryEnterRequest(remaining: null);

        Assert.Equal(ShedReason.RequestsInFlight, refusal?.Reason);
        Assert.Equal(TimeSpan.FromMilliseconds(100), refusal?.RetryAfter);
        Assert.Null(afterLeave);
        Assert.Equal(2, gate.RequestsInFlight);
    }

    [Fact]
    public void TryEnterRequest_EventsAtTheirBound_RefusedBeforeTheBodyIsRead()
    {
        var gate = Gate(maxEvents: 1_000);
        Assert.Null(gate.TryAdmit(999, remaining: null));
        Assert.Null(gate.TryEnterRequest(remaining: null));
        Assert.Null(gate.TryAdmit(1, remaining: null));

        var refusal = gate.TryEnterRequest(remaining: null);

        Assert.Equal(ShedReason.EventsInFlight, refusal?.Reason);
    }

    [Fact]
    public void TryEnterRequest_DeadlineShorterThanTheDrainOfTheWorkAhead_Refused()
    {
        var gate = Gate(maxEvents: 100_000, rate: 1_000);
        Assert.Null(gate.TryAdmit(2_000, remaining: null)); // 2 s of work ahead

        var late = gate.TryEnterRequest(TimeSpan.FromSeconds(1));
        var inTime = gate.TryEnterRequest(TimeSpan.FromSeconds(3));

        Assert.Equal(ShedReason.Deadline, late?.Reason);
        Assert.Null(inTime);
    }

    [Fact]
    public void Disabled_AdmitsEverything()
    {
        var gate = Gate(maxEvents: 10, maxRequests: 1, enabled: false);

        Assert.Null(gate.TryEnterRequest(remaining: null));
        Assert.Null(gate.TryEnterRequest(remaining: TimeSpan.Zero));
        Assert.Null(gate.TryAdmit(1_000, remaining: null));
        Assert.Null(gate.TryAdmit(1_000, remaining: TimeSpan.Zero));
    }
}
