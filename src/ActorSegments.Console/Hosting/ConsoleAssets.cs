namespace ActorSegments.WebConsole.Hosting;

/// <summary>Where the host application's static web assets manifests are (next to its assembly, in build and publish output alike).</summary>
internal sealed record ConsoleAssets(string HostName)
{
    /// <summary>The routes of every static asset (the console's, Blazor's script); written by build and publish.</summary>
    public string EndpointsManifest => Path.Combine(AppContext.BaseDirectory, $"{HostName}.staticwebassets.endpoints.json");

    /// <summary>Where the files are outside a publish (packages, obj); a publish copies them to wwwroot and has none.</summary>
    public string RuntimeManifest => Path.Combine(AppContext.BaseDirectory, $"{HostName}.staticwebassets.runtime.json");
}
