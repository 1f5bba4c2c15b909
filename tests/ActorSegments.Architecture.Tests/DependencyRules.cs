namespace ActorSegments.Architecture.Tests;

/// <summary>
/// Which way the arrows may point. Domain is plain C#; grains and storage (PostgreSQL, in memory) depend on it, never
/// the reverse, and storage never on grains; the CLI talks to the server through the generated gRPC client (and to
/// PostgreSQL for migrations), never to grains; it may host the server in-process for the demo. The console is hosted
/// by the server and reaches grains the way its gRPC services do. The template engine (Fluid) stays in Content, which
/// reads profile views and serves the server.
/// </summary>
internal static class DependencyRules
{
    private static readonly string[] _infrastructure = ["Microsoft.Orleans", "Microsoft.AspNetCore", "Grpc", "Google.Protobuf", "Microsoft.ML", "Npgsql", "Fluid"];

    private static readonly Dictionary<string, Rule> _rules = new()
    {
        ["ActorSegments.Domain"] = new([], ForbiddenPackages: _infrastructure),
        ["ActorSegments.Abstractions"] = new(["ActorSegments.Domain"], ForbiddenPackages: ["Microsoft.AspNetCore", "Grpc", "Google.Protobuf", "Microsoft.ML", "Npgsql", "Fluid"]),
        ["ActorSegments.Grains"] = new(["ActorSegments.Abstractions", "ActorSegments.Domain"], ForbiddenPackages: ["Microsoft.AspNetCore", "Grpc", "Google.Protobuf", "Microsoft.ML", "Npgsql"]),
        ["ActorSegments.Postgres"] = new(["ActorSegments.Domain", "ActorSegments.Abstractions"], ForbiddenPackages: ["Microsoft.Orleans", "Microsoft.AspNetCore", "Grpc", "Microsoft.ML"]),
        // The in-memory storage is the other side of the same ports, so the same arrows as PostgreSQL's: Domain only, no
        // grains (they would make the adapter depend on its caller) and no Orleans.
        ["ActorSegments.InMemory"] = new(["ActorSegments.Domain"], ForbiddenPackages: _infrastructure),
        ["ActorSegments.ML"] = new(["ActorSegments.Domain"], ForbiddenPackages: ["Microsoft.Orleans", "Microsoft.AspNetCore", "Grpc", "Google.Protobuf", "Npgsql"]),
        ["ActorSegments.Content"] = new(["ActorSegments.Abstractions", "ActorSegments.Domain"], ForbiddenPackages: ["Microsoft.Orleans", "Microsoft.AspNetCore", "Grpc", "Google.Protobuf", "Microsoft.ML", "Npgsql"]),
        ["ActorSegments.Protos"] = new([], ForbiddenPackages: ["Microsoft.Orleans", "Microsoft.AspNetCore", "Microsoft.ML", "Npgsql"]),
        ["ActorSegments.Server"] = new(["ActorSegments.Grains", "ActorSegments.Abstractions", "ActorSegments.Domain", "ActorSegments.Postgres", "ActorSegments.InMemory", "ActorSegments.Protos", "ActorSegments.ML", "ActorSegments.Console", "ActorSegments.Content"], ForbiddenPackages: []),
        // The console calls the same grains-layer services the gRPC services call, in process: not the gRPC API (a
        // second path with its own mapping), not storage directly, and never the server that hosts it.
        ["ActorSegments.Console"] = new(["ActorSegments.Grains", "ActorSegments.Abstractions", "ActorSegments.Domain"], ForbiddenPackages: ["Grpc", "Google.Protobuf", "Microsoft.ML", "Npgsql"]),
        // Data files and generated data as wire events, shared by the CLI and the ML check: the gRPC messages only, so a
        // bench reading the retail data compiles no CLI, server or grains.
        ["ActorSegments.Datasets"] = new(["ActorSegments.Protos"], ForbiddenPackages: ["Microsoft.Orleans", "Microsoft.AspNetCore", "Grpc", "Microsoft.ML", "Npgsql"]),
        // The server reference exists only so `demo` can host a dev-mode server in-process; the CLI's own code still
        // reaches it over gRPC (CliServerSeam keeps that to Demo/EmbeddedServer.cs), and the forbidden packages are the
        // CLI's direct package references.
        ["ActorSegments.Cli"] = new(["ActorSegments.Protos", "ActorSegments.Datasets", "ActorSegments.Postgres", "ActorSegments.Server"], ForbiddenPackages: ["Microsoft.Orleans", "Microsoft.AspNetCore", "Microsoft.ML"]),
    };

    public static IReadOnlyCollection<string> KnownProjects => _rules.Keys;

    /// <summary>Every dependency of <paramref name="project"/> that breaks the rules, as sentences.</summary>
    public static IEnumerable<string> Violations(ProjectFile project)
    {
        if (!_rules.TryGetValue(project.Name, out var rule))
        {
            yield return $"{project.Name} has no dependency rule; add one to {nameof(DependencyRules)}.";
            yield break;
        }

        foreach (var reference in project.ProjectReferences.Where(r => !rule.AllowedProjects.Contains(r)))
        {
            yield return $"{project.Name} must not reference project {reference} (allowed: {string.Join(", ", rule.AllowedProjects)}).";
        }

        foreach (var package in project.PackageReferences)
        {
            var family = rule.ForbiddenPackages.FirstOrDefault(f => package.StartsWith(f, StringComparison.OrdinalIgnoreCase));
            if (family is not null)
            {
                yield return $"{project.Name} must not reference package {package} ({family} is off limits there).";
            }
        }
    }

    private sealed record Rule(string[] AllowedProjects, string[] ForbiddenPackages);
}
