using System.Diagnostics;

namespace ActorSegments.Load.Tests;

public sealed class ProcessCpuTests
{
    [Fact]
    public async Task A_watched_process_that_works_during_the_run_reports_its_cpu_per_event()
    {
        var self = Environment.ProcessId;
        var watches = new Dictionary<string, int> { ["spinner"] = self };

        var result = await ProcessCpu.MeasureAsync(watches, () =>
        {
            // Burn a quarter second of this process's CPU time, so the 1/100 s ticks must move. Counted in CPU time,
            // not wall time: on a busy machine a quarter second of wall time may get this thread far less CPU.
            var clock = Stopwatch.StartNew();
            using var process = Process.GetCurrentProcess();
            var start = process.TotalProcessorTime;
            var spins = 0L;
            while (ProcessorTime(process) - start < TimeSpan.FromMilliseconds(250))
            {
                spins++;
            }

            return Task.FromResult(new RunResult(1000, 1000, 0, clock.Elapsed, [], [], 0));
        });

        Assert.True(result.CpuSeconds["spinner"] > 0.1, $"spinner spent {result.CpuSeconds["spinner"]} s");
        Assert.True(result.CpuSeconds["generator"] > 0.1, $"generator spent {result.CpuSeconds["generator"]} s");
        Assert.Equal(result.CpuSeconds["spinner"] * 1e6 / 1000, result.CpuMicrosecondsPerEvent["spinner"], 6);
    }

    private static TimeSpan ProcessorTime(Process process)
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    [Fact]
    public void A_process_that_has_ended_counts_nothing() =>
        Assert.Equal(0, ProcessCpu.Read(new Dictionary<string, int> { ["gone"] = int.MaxValue })["gone"]);

    [Theory]
    [InlineData("server")]
    [InlineData("server=")]
    [InlineData("=42")]
    [InlineData("server=-1")]
    [InlineData("server=abc")]
    public void A_watch_that_is_not_name_equals_pid_is_refused(string text) =>
        Assert.Throws<FormatException>(() => ProcessCpu.ParseWatch(text));

    [Fact]
    public void A_watch_is_a_name_and_a_pid() =>
        Assert.Equal(new KeyValuePair<string, int>("postgres", 4100), ProcessCpu.ParseWatch("postgres=4100"));
}
