using System.Diagnostics;

namespace ActorSegments.Load.Tests;

public sealed class ProcessCpuTests
{
    [Fact]
    public async Task AWatchedProcessThatWorksDuringTheRun_ReportsItsCpuPerEvent()
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
    public void AProcessThatHasEnded_CountsNothing() =>
        Assert.Equal(0, ProcessCpu.Read(new Dictionary<string, int> { ["gone"] = int.MaxValue })["gone"]);

    [Theory]
    [InlineData("server")]
    [InlineData("server=")]
    [InlineData("=42")]
    [InlineData("server=-1")]
    [InlineData("server=abc")]
    public void AWatchThatIsNotNameEqualsPid_IsRefused(string text) =>
        Assert.Throws<FormatException>(() => ProcessCpu.ParseWatch(text));

    [Fact]
    public void AWatch_IsANameAndAPid() =>
        Assert.Equal(new KeyValuePair<string, int>("postgres", 4100), ProcessCpu.ParseWatch("postgres=4100"));
}
