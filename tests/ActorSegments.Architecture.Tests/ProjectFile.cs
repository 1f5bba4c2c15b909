using System.Xml.Linq;

namespace ActorSegments.Architecture.Tests;

/// <summary>The dependencies a project file declares: other projects (by name) and packages (by id).</summary>
internal sealed record ProjectFile(string Name, IReadOnlyList<string> ProjectReferences, IReadOnlyList<string> PackageReferences)
{
    public static ProjectFile Load(string path) => Parse(Path.GetFileNameWithoutExtension(path), File.ReadAllText(path));

    public static ProjectFile Parse(string name, string xml)
    {
        var document = XDocument.Parse(xml);
        var projects = document.Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(((string?)e.Attribute("Include") ?? string.Empty).Replace('\\', '/')))
            .ToList();
        var packages = document.Descendants("PackageReference")
            .Select(e => (string?)e.Attribute("Include") ?? string.Empty)
            .ToList();
        return new ProjectFile(name, projects, packages);
    }
}
