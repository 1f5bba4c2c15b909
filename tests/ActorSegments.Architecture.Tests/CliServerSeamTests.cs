namespace ActorSegments.Architecture.Tests;

public sealed class CliServerSeamTests
{
    [Fact]
    public void CliSource_UsesTheServerOnlyInTheEmbeddedServer()
    {
        var project = Path.Combine(RepositoryRoot.Path, "src", "ActorSegments.Cli");
        var files = Directory.GetFiles(project, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(project, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("obj/", StringComparison.Ordinal) && !f.StartsWith("bin/", StringComparison.Ordinal))
            .Select(f => (f, File.ReadAllText(Path.Combine(project, f))))
            .ToList();

        Assert.Contains(files, f => f.Item1 == CliServerSeam.EmbeddedServerFile);
        Assert.Empty(CliServerSeam.Violations(files));
    }

    [Theory]
    [InlineData("Commands/DemoCommand.cs", "using ActorSegments.Server;", "only Demo/EmbeddedServer.cs may start")]
    [InlineData("Commands/KeysCommand.cs", "var options = new ActorSegments.Server.Configuration.AuthOptions();", "uses ActorSegments.Server")]
    [InlineData("Demo/EmbeddedServer.cs", "using ActorSegments.Grains.Segments;", "uses ActorSegments.Grains")]
    [InlineData("Demo/DemoPipeline.cs", "using ActorSegments.InMemory;", "uses ActorSegments.InMemory")]
    [InlineData("Demo\\DemoReport.cs", "using ActorSegments.Abstractions;", "uses ActorSegments.Abstractions")]
    public void Violations_CliFileCrossingTheSeam_IsReported(string path, string text, string expected)
    {
        var violation = Assert.Single(CliServerSeam.Violations([(path, text)]));

        Assert.Contains(expected, violation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Demo/EmbeddedServer.cs", "using ActorSegments.Server;")]
    [InlineData("Commands/ImportCommand.cs", "using ActorSegments.Datasets.Retail;\nusing ActorSegments.Protos.V1;")]
    [InlineData("Commands/KeysCommand.cs", "using ActorSegments.ServerSide;")]
    public void Violations_FileWithinTheSeam_IsNotReported(string path, string text) =>
        Assert.Empty(CliServerSeam.Violations([(path, text)]));
}
