namespace ActorSegments.Testing.Processes;

/// <summary>Where the repository and the server's build output are, seen from a running test assembly.</summary>
public static class BuildOutput
{
    /// <summary>The directory holding <c>ActorSegments.sln</c>.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>
    /// The server's own build output in the configuration and framework the test assembly was built in
    /// (<c>bin/&lt;Configuration&gt;/&lt;tfm&gt;</c>), so a Release test run starts the Release server.
    /// </summary>
    public static string ServerAssembly
    {
        get
        {
            var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var (configuration, framework) = (testBin.Parent!.Name, testBin.Name);
            var path = Path.Combine(RepositoryRoot, "src", "ActorSegments.Server", "bin", configuration, framework, "ActorSegments.Server.dll");
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException($"The server is not built at {path}; build the solution in {configuration} first.", path);
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ActorSegments.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ActorSegments.sln not found above " + AppContext.BaseDirectory);
    }
}
