namespace ActorSegments.Architecture.Tests;

/// <summary>The checkout the tests run in: the directory above the test binaries that holds ActorSegments.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ActorSegments.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"ActorSegments.sln not found above {AppContext.BaseDirectory}.");
    }
}
