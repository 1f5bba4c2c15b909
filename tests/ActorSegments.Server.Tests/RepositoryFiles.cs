namespace ActorSegments.Server.Tests;

/// <summary>Where the repository's own files are (the directory holding ActorSegments.sln, above the test binaries).</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = Find();

    private static string Find()
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
