namespace ActorSegments.Domain.Tests;

/// <summary>Files of the repository the tests check against (documentation that must match the code).</summary>
internal static class RepositoryFiles
{
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root(), .. parts]);

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ActorSegments.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ActorSegments.sln not found above " + AppContext.BaseDirectory);
    }
}
