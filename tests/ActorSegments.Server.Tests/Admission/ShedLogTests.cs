using ActorSegments.Server.Admission;
using ActorSegments.Server.Observability;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ActorSegments.Server.Tests.Admission;

public sealed class ShedLogTests
{
    [Fact]
    public void Shed_ThousandsOfRefusals_LogOneLinePerIntervalWithTheCountSinceTheLast()
    {
        var time = new FakeTimeProvider();
        var logger = new LinesLogger();
        var log = new ShedLog(logger, time, new ClientErrorLog(Microsoft.Extensions.Logging.Abstractions.NullLogger<ClientErrorLog>.Instance, new Microsoft.AspNetCore.Http.HttpContextAccessor()));
        var refusal = new AdmissionRefusal(ShedReason.EventsInFlight, TimeSpan.FromSeconds(1), "at the limit");

        for (var i = 0; i < 5_000; i++)
        {
            log.Shed(refusal);
        }

        time.Advance(ShedLog.Interval);
        log.Shed(refusal);

        Assert.Equal(2, logger.Lines.Count);
        Assert.StartsWith("Overloaded: 1 ingest requests refused", logger.Lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Overloaded: 5000 ingest requests refused", logger.Lines[1], StringComparison.Ordinal);
        Assert.Contains("EventsInFlight: at the limit", logger.Lines[1], StringComparison.Ordinal);
    }

    private sealed class LinesLogger : ILogger<ShedLog>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
