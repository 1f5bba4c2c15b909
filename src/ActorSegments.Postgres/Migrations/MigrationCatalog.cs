using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace ActorSegments.Postgres.Migrations;

/// <summary>
/// The schema scripts embedded in this assembly (<c>Migrations/Scripts/NNNN_name.sql</c>), in order. Numbers must
/// run 1, 2, 3, ... without gaps or repeats; a build that breaks this fails at first use, not in production data.
/// </summary>
public static class MigrationCatalog
{
    private const string ResourcePrefix = "migrations/";

    private static readonly Lazy<IReadOnlyList<Migration>> _all = new(() => Load(typeof(MigrationCatalog).Assembly));

    public static IReadOnlyList<Migration> All => _all.Value;

    public static int LatestVersion => All[^1].Version;

    internal static IReadOnlyList<Migration> Load(Assembly assembly)
    {
        var migrations = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Parse(n[ResourcePrefix.Length..^4], ReadResource(assembly, n)))
            .OrderBy(m => m.Version)
            .ToList();

        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"Migration scripts must be numbered 1..n without gaps or repeats; found {migrations[i].Version:D4}_{migrations[i].Name} at position {i + 1}.");
            }
        }

        return migrations;
    }

    internal static Migration Parse(string fileStem, string sql)
    {
        var underscore = fileStem.IndexOf('_', StringComparison.Ordinal);
        if (underscore <= 0 || !int.TryParse(fileStem.AsSpan(0, underscore), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidOperationException($"Migration script '{fileStem}.sql' must be named NNNN_description.sql.");
        }

        var normalized = sql.ReplaceLineEndings("\n");
        var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
        return new Migration(version, fileStem[(underscore + 1)..], normalized, checksum);
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded migration '{name}' could not be opened.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
