namespace ActorSegments.Content;

/// <summary>
/// The bounds every render runs within, so a template can neither stall a server nor flood a response: its own
/// length, the statements it may execute, how deep it may nest, how many items it may build, what it may write and
/// for how long.
/// </summary>
public sealed record TemplateLimits
{
    public static readonly TemplateLimits Default = new();

    /// <summary>Characters of template source (64 KiB: a large HTML email is well under it).</summary>
    public int MaxTemplateLength { get; init; } = 64 * 1024;

    /// <summary>Statements executed in one render (each loop iteration counts).</summary>
    public int MaxSteps { get; init; } = 100_000;

    /// <summary>Nesting of blocks and captures at render time.</summary>
    public int MaxRecursion { get; init; } = 20;

    /// <summary>Items one operation may build (a range, a split, a sort).</summary>
    public int MaxCollectionSize { get; init; } = 10_000;

    /// <summary>Characters one render may write (128 KiB: mail clients clip messages near 100 KB).</summary>
    public int MaxOutputLength { get; init; } = 128 * 1024;

    /// <summary>Wall-clock time of one render, on the server's clock.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(1);
}
