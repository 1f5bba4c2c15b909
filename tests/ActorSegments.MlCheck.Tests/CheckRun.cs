namespace ActorSegments.MlCheck.Tests;

/// <summary>One run of the check in-process, into a directory of its own that is removed afterwards.</summary>
internal sealed class CheckRun : IDisposable
{
    private CheckRun(string directory) => Directory = directory;

    public string Directory { get; }

    public string Output { get; private set; } = "";

    public Dictionary<string, double> Figures { get; private set; } = [];

    public static CheckRun Create() =>
        new(System.IO.Directory.CreateTempSubdirectory("ml-check-test-").FullName);

    public async Task RunAsync(string dataPath, bool quick)
    {
        using var output = new StringWriter();
        var options = new MlCheckOptions(dataPath, Path.Combine(Directory, "out"), quick);
        var figures = await MlCheckRun.RunAsync(options, output, TextWriter.Null);
        Output = output.ToString();
        Figures = figures.All.ToDictionary(f => f.Name, f => double.Parse(f.Value, System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
    }

    public string[] ExportedLines(string file) => File.ReadAllLines(Path.Combine(Directory, "out", file));

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
