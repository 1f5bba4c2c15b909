namespace ActorSegments.Architecture.Tests;

public sealed class DependencyDirectionTests
{
    public static TheoryData<string> SourceProjects() =>
        new(Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(RepositoryRoot.Path, p)));

    [Theory]
    [MemberData(nameof(SourceProjects))]
    public void SourceProject_DependsOnlyInTheAllowedDirection(string relativePath)
    {
        var project = ProjectFile.Load(Path.Combine(RepositoryRoot.Path, relativePath));

        Assert.Empty(DependencyRules.Violations(project));
    }

    [Fact]
    public void EveryRuledProject_Exists()
    {
        var existing = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension)
            .ToHashSet();

        Assert.All(DependencyRules.KnownProjects, p => Assert.Contains(p, existing));
    }

    [Theory]
    [InlineData("ActorSegments.Domain", "<Project><ItemGroup><PackageReference Include=\"Npgsql\" /></ItemGroup></Project>", "package Npgsql")]
    [InlineData("ActorSegments.Domain", "<Project><ItemGroup><PackageReference Include=\"Microsoft.Orleans.Sdk\" /></ItemGroup></Project>", "package Microsoft.Orleans.Sdk")]
    [InlineData("ActorSegments.Domain", "<Project><ItemGroup><ProjectReference Include=\"..\\ActorSegments.Grains\\ActorSegments.Grains.csproj\" /></ItemGroup></Project>", "project ActorSegments.Grains")]
    [InlineData("ActorSegments.Grains", "<Project><ItemGroup><ProjectReference Include=\"../ActorSegments.Server/ActorSegments.Server.csproj\" /></ItemGroup></Project>", "project ActorSegments.Server")]
    [InlineData("ActorSegments.Cli", "<Project><ItemGroup><ProjectReference Include=\"..\\ActorSegments.Grains\\ActorSegments.Grains.csproj\" /></ItemGroup></Project>", "project ActorSegments.Grains")]
    [InlineData("ActorSegments.Postgres", "<Project><ItemGroup><PackageReference Include=\"Microsoft.Orleans.Runtime\" /></ItemGroup></Project>", "package Microsoft.Orleans.Runtime")]
    [InlineData("ActorSegments.Console", "<Project><ItemGroup><ProjectReference Include=\"..\\ActorSegments.Server\\ActorSegments.Server.csproj\" /></ItemGroup></Project>", "project ActorSegments.Server")]
    [InlineData("ActorSegments.Console", "<Project><ItemGroup><PackageReference Include=\"Grpc.Net.Client\" /></ItemGroup></Project>", "package Grpc.Net.Client")]
    [InlineData("ActorSegments.Domain", "<Project><ItemGroup><ProjectReference Include=\"..\\ActorSegments.Console\\ActorSegments.Console.csproj\" /></ItemGroup></Project>", "project ActorSegments.Console")]
    [InlineData("ActorSegments.Grains", "<Project><ItemGroup><ProjectReference Include=\"../ActorSegments.Console/ActorSegments.Console.csproj\" /></ItemGroup></Project>", "project ActorSegments.Console")]
    [InlineData("ActorSegments.Domain", "<Project><ItemGroup><PackageReference Include=\"Fluid.Core\" /></ItemGroup></Project>", "package Fluid.Core")]
    [InlineData("ActorSegments.Content", "<Project><ItemGroup><ProjectReference Include=\"../ActorSegments.Grains/ActorSegments.Grains.csproj\" /></ItemGroup></Project>", "project ActorSegments.Grains")]
    [InlineData("ActorSegments.Content", "<Project><ItemGroup><PackageReference Include=\"Grpc.Core.Api\" /></ItemGroup></Project>", "package Grpc.Core.Api")]
    [InlineData("ActorSegments.InMemory", "<Project><ItemGroup><ProjectReference Include=\"..\\ActorSegments.Grains\\ActorSegments.Grains.csproj\" /></ItemGroup></Project>", "project ActorSegments.Grains")]
    [InlineData("ActorSegments.InMemory", "<Project><ItemGroup><ProjectReference Include=\"../ActorSegments.Abstractions/ActorSegments.Abstractions.csproj\" /></ItemGroup></Project>", "project ActorSegments.Abstractions")]
    [InlineData("ActorSegments.InMemory", "<Project><ItemGroup><PackageReference Include=\"Microsoft.Orleans.Runtime\" /></ItemGroup></Project>", "package Microsoft.Orleans.Runtime")]
    [InlineData("ActorSegments.Grains", "<Project><ItemGroup><ProjectReference Include=\"../ActorSegments.InMemory/ActorSegments.InMemory.csproj\" /></ItemGroup></Project>", "project ActorSegments.InMemory")]
    [InlineData("ActorSegments.Datasets", "<Project><ItemGroup><ProjectReference Include=\"..\\ActorSegments.Server\\ActorSegments.Server.csproj\" /></ItemGroup></Project>", "project ActorSegments.Server")]
    [InlineData("ActorSegments.Datasets", "<Project><ItemGroup><ProjectReference Include=\"../ActorSegments.Cli/ActorSegments.Cli.csproj\" /></ItemGroup></Project>", "project ActorSegments.Cli")]
    [InlineData("ActorSegments.Datasets", "<Project><ItemGroup><PackageReference Include=\"Microsoft.Orleans.Sdk\" /></ItemGroup></Project>", "package Microsoft.Orleans.Sdk")]
    public void Violations_WrongArrow_IsReported(string name, string xml, string expected)
    {
        var violation = Assert.Single(DependencyRules.Violations(ProjectFile.Parse(name, xml)));

        Assert.Contains(expected, violation, StringComparison.Ordinal);
    }

    [Fact]
    public void Violations_UnknownProject_AsksForARule() =>
        Assert.Contains("no dependency rule", Assert.Single(DependencyRules.Violations(ProjectFile.Parse("ActorSegments.Mystery", "<Project />"))), StringComparison.Ordinal);

    [Fact]
    public void DomainAssembly_ReferencesNoInfrastructure()
    {
        var references = typeof(Domain.Events.CustomerEvent).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty);

        Assert.DoesNotContain(references, r =>
            r.StartsWith("Orleans", StringComparison.Ordinal) || r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) ||
            r.StartsWith("Grpc", StringComparison.Ordinal) || r.StartsWith("Microsoft.ML", StringComparison.Ordinal) ||
            r.StartsWith("Npgsql", StringComparison.Ordinal) || r.StartsWith("Fluid", StringComparison.Ordinal));
    }
}
