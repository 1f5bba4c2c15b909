using System.Diagnostics;
using System.Text.RegularExpressions;
using ActorSegments.Cluster.Tests.Harness;
using ActorSegments.Testing;
using ActorSegments.Testing.Processes;

namespace ActorSegments.Cluster.Tests;

/// <summary>
/// Secrets reach server processes through their environment, never their command line: any local user can read a
/// process's arguments (<c>ps</c>, <c>/proc/PID/cmdline</c>), its environment only its owner and root.
/// </summary>
public sealed partial class SecretPassingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Harness_SiloLaunch_KeyInTheEnvironmentNotTheArguments()
    {
        var arguments = LocalCluster.SiloArguments("Host=127.0.0.1;Port=5432;Username=postgres", 1, 5000, 5100, 5200);

        Assert.DoesNotContain(arguments, a => a.Contains(LocalCluster.BootstrapKey, StringComparison.Ordinal));
        Assert.Equal(LocalCluster.BootstrapKey, LocalCluster.SiloEnvironment["ActorSegments__Auth__BootstrapKey"]);
    }

    /// <summary>
    /// scripts/cluster.sh with one silo on a database whose connection string holds a password: neither the password
    /// nor the bootstrap key it prints is on the silo's command line, and both are in its environment.
    /// </summary>
    [Fact]
    public async Task ClusterScript_StartedSilo_NoSecretOnItsCommandLine()
    {
        Assert.SkipUnless(BuildOutput.ServerAssembly.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal), "cluster.sh --no-build runs the Release build");
        await using var database = await TestPostgres.CreateDatabaseAsync("clusterscript");
        const string Password = "cluster-script-test-password-7f3a";
        var connectionString = $"{database.ConnectionString};Password={Password}"; // trust authentication ignores it

        using var script = StartClusterScript(connectionString);
        try
        {
            var (key, siloPid) = await WaitUntilReadyAsync(script);
            var commandLine = (await File.ReadAllTextAsync($"/proc/{siloPid}/cmdline", Ct)).Replace('\0', ' ');
            var environment = await File.ReadAllTextAsync($"/proc/{siloPid}/environ", Ct);

            Assert.Contains("ActorSegments.Server.dll", commandLine, StringComparison.Ordinal);
            Assert.DoesNotContain(key, commandLine, StringComparison.Ordinal);
            Assert.DoesNotContain(Password, commandLine, StringComparison.Ordinal);
            Assert.Contains($"ActorSegments__Auth__BootstrapKey={key}\0", environment, StringComparison.Ordinal);
            Assert.Contains(Password, environment, StringComparison.Ordinal);
        }
        finally
        {
            await StopAsync(script);
        }
    }

    private static ClusterScript StartClusterScript(string connectionString)
    {
        var basePort = FreeTcpPort.Next();
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[Path.Combine(BuildOutput.RepositoryRoot, "scripts", "cluster.sh"), "--silos", "1", "--no-build", "--base-port", $"{basePort}", "--postgres", connectionString])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start cluster.sh");
        var script = new ClusterScript(process);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                script.Errors.Enqueue(e.Data);
            }
        };
        process.BeginErrorReadLine();
        return script;
    }

    /// <summary>Reads the script's output until it says the cluster is ready: the key it printed and the silo's process id.</summary>
    private static async Task<(string Key, int SiloPid)> WaitUntilReadyAsync(ClusterScript script)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        limit.CancelAfter(TimeSpan.FromMinutes(3));
        string? key = null;
        while (await script.Process.StandardOutput.ReadLineAsync(limit.Token) is { } line)
        {
            if (KeyLine().Match(line) is { Success: true } match)
            {
                key = match.Groups[1].Value;
            }

            // "silo 1: process N, ..." went to standard error before the script waited for the silo's health.
            if (line.StartsWith("Press Ctrl-C", StringComparison.Ordinal) && key is not null
                && script.Errors.Select(e => SiloLine().Match(e)).FirstOrDefault(m => m.Success) is { } silo)
            {
                return (key, int.Parse(silo.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        await script.Process.WaitForExitAsync(Ct);
        throw new InvalidOperationException($"cluster.sh exited with {script.Process.ExitCode} before the cluster was ready:\n{string.Join('\n', script.Errors)}");
    }

    /// <summary>SIGTERM, as Ctrl-C would: the script stops its silos gracefully; killed with its children if it takes too long.</summary>
    private static async Task StopAsync(ClusterScript script)
    {
        if (!script.Process.HasExited)
        {
            using (var terminate = Process.Start("kill", ["-TERM", script.Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await terminate.WaitForExitAsync(CancellationToken.None);
            }

            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            try
            {
                await script.Process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                script.Process.Kill(entireProcessTree: true);
                await script.Process.WaitForExitAsync(CancellationToken.None);
            }
        }
    }

    [GeneratedRegex(@"^Bootstrap key \(every scope on every workspace\): (\S+)$")]
    private static partial Regex KeyLine();

    [GeneratedRegex(@"\[cluster\] silo 1: process (\d+),")]
    private static partial Regex SiloLine();

    /// <summary>The running script and the lines it wrote to standard error.</summary>
    private sealed class ClusterScript(Process process) : IDisposable
    {
        public Process Process { get; } = process;

        public System.Collections.Concurrent.ConcurrentQueue<string> Errors { get; } = new();

        public void Dispose() => Process.Dispose();
    }
}
