namespace ActorSegments.Content.Tests;

/// <summary>Files of the repository the tests check against (documentation that must match the code).</summary>
internal static class RepositoryFiles
{
    public static string Read(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ActorSegments.sln")))
            {
                return File.ReadAllText(Path.Combine([dir.FullName, .. parts]));
            }
        }

        throw new InvalidOperationException("ActorSegments.sln not found above " + AppContext.BaseDirectory);
    }
}
