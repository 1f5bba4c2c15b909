namespace ActorSegments.Cli.Rendering;

/// <summary>How a command prints what it read: tables for people, or the API's own JSON form for programs.</summary>
internal enum OutputFormat
{
    Table,

    /// <summary>The proto's JSON form (<see cref="ProtoJson"/>).</summary>
    Json,
}
