using System.Reflection;
using System.Text.RegularExpressions;
using ActorSegments.Grains.Customers;
using ActorSegments.ML.Labeling;
using ActorSegments.Postgres.Journal;

namespace ActorSegments.Server.Tests;

/// <summary>
/// Every <c>ActorSegments__...</c> variable that docker-compose.yml and the Kubernetes manifests set names a setting
/// the server binds: configuration ignores unknown keys, so a misspelt one would silently leave the default in force.
/// </summary>
public sealed partial class DeploymentSettingsTests
{
    private static readonly string RepositoryRoot = RepositoryFiles.Root;

    // Stands for a setting declared as a constant of its own rather than as a property of an options class.
    private static readonly Type LoneSetting = typeof(void);

    // The option types of a section: each options class declares its SectionName.
    private static readonly Dictionary<string, Type> Sections = FindSections(
        typeof(ServerApplication).Assembly, typeof(CustomerGrainOptions).Assembly, typeof(CohortLabelerOptions).Assembly, typeof(JournalOptions).Assembly);

    public static TheoryData<string> DeploymentFiles() =>
        new(Directory.GetFiles(Path.Combine(RepositoryRoot, "k8s"), "*.*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".yaml", StringComparison.Ordinal) || p.EndsWith(".yml", StringComparison.Ordinal))
            .Append(Path.Combine(RepositoryRoot, "docker-compose.yml"))
            .Select(p => Path.GetRelativePath(RepositoryRoot, p))
            .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(DeploymentFiles))]
    public void DeploymentFile_EveryActorSegmentsVariable_IsAServerSetting(string relativePath)
    {
        var variables = VariableNames(File.ReadAllText(Path.Combine(RepositoryRoot, relativePath)));

        Assert.DoesNotContain(variables, v => !IsSetting(v));
    }

    [Fact]
    public void DeploymentFiles_SetTheClusterSettings_SoTheCheckIsNotVacuous()
    {
        Assert.Contains("ActorSegments__Cluster__AdvertisedAddress", VariableNames(File.ReadAllText(Path.Combine(RepositoryRoot, "docker-compose.yml"))));
        Assert.Contains("ActorSegments__Cluster__Kubernetes", VariableNames(File.ReadAllText(Path.Combine(RepositoryRoot, "k8s", "configmap.yaml"))));
    }

    [Fact]
    public void VariableNames_ComposeMapListAndKubernetesEnv_AreAllFound()
    {
        const string Yaml = """
            environment:
              ActorSegments__Cluster__SiloPort: "11111"
              - ActorSegments__Ingest__MaxBatchSize=500
            env:
              - name: ActorSegments__Auth__BootstrapKey
            # ActorSegments__Comment__Ignored is prose, not a setting
            """;

        Assert.Equal(["ActorSegments__Cluster__SiloPort", "ActorSegments__Ingest__MaxBatchSize", "ActorSegments__Auth__BootstrapKey"], VariableNames(Yaml));
    }

    [Theory]
    [InlineData("ActorSegments__Cluster__SiloPort", true)]
    [InlineData("actorsegments__cluster__siloport", true)]
    [InlineData("ActorSegments__Customers__SnapshotEvery", true)]
    [InlineData("ActorSegments__WakeUps__Interval", true)]
    [InlineData("ActorSegments__Modeling__Labeler__Provider", true)]
    [InlineData("ActorSegments__Shutdown__ReadinessDelay", true)]
    [InlineData("ActorSegments__Clock__StartAt", true)]
    [InlineData("ActorSegments__Journal__Writers", true)]
    [InlineData("ActorSegments__Privacy__RedactionBatch", true)]
    [InlineData("ActorSegments__Cluster__SiloProt", false)]
    [InlineData("ActorSegments__Clustre__SiloPort", false)]
    [InlineData("ActorSegments__Cluster", false)]
    [InlineData("ActorSegments__Postgres__IsConfigured", false)]
    [InlineData("ActorSegments__Cluster__SiloPort__Extra", false)]
    public void IsSetting_SettablePropertyOfASection_OnlyThen(string variable, bool expected) =>
        Assert.Equal(expected, IsSetting(variable));

    /// <summary>Keys in YAML positions: <c>KEY: value</c>, <c>- KEY=value</c>, <c>- name: KEY</c>; comments are skipped.</summary>
    private static List<string> VariableNames(string yaml) =>
        yaml.Split('\n').Select(line => VariableKey().Match(line)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();

    private static bool IsSetting(string variable)
    {
        var path = variable.Replace("__", ":", StringComparison.Ordinal);
        var section = Sections.Keys
            .Where(s => path.Equals(s, StringComparison.OrdinalIgnoreCase) || path.StartsWith(s + ":", StringComparison.OrdinalIgnoreCase))
            .MaxBy(s => s.Length);
        if (section is null)
        {
            return false;
        }

        var type = Sections[section];
        if (path.Length == section.Length || type == LoneSetting)
        {
            return path.Length == section.Length && type == LoneSetting;
        }

        var key = path[(section.Length + 1)..];
        var property = type.GetProperty(key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        return property?.SetMethod is { IsPublic: true };
    }

    private static Dictionary<string, Type> FindSections(params Assembly[] assemblies)
    {
        var sections = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()))
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.GetRawConstantValue() is string value && value.StartsWith("ActorSegments:", StringComparison.Ordinal)))
            {
                var value = (string)field.GetRawConstantValue()!;
                if (field.Name == "SectionName")
                {
                    sections[value] = type;
                }
                else if (field.Name.EndsWith("Setting", StringComparison.Ordinal))
                {
                    // A setting of its own, outside any options class (ServerApplication.ClockStartAtSetting).
                    sections[value] = LoneSetting;
                }
            }
        }

        return sections;
    }

    [GeneratedRegex("""^\s*(?:-\s+)?(?:name:\s*)?["']?(ActorSegments__\w+)["']?\s*(?:[:=]|$)""")]
    private static partial Regex VariableKey();
}
