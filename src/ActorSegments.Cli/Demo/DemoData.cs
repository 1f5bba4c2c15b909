using ActorSegments.Cli.Ingest;
using ActorSegments.Datasets.Retail;
using ActorSegments.Datasets.Synthetic;

namespace ActorSegments.Cli.Demo;

/// <summary>What the demo loads: the seeded synthetic shop, or the UCI Online Retail file; and the instant it ends.</summary>
internal abstract record DemoData
{
    /// <summary>The end of the data: the replay clock starts here, so "days since" reads as on the data's last day.</summary>
    public abstract DateTimeOffset End { get; }

    /// <summary>The segments that tell something about this data.</summary>
    public abstract IReadOnlyList<DemoSegment> Segments { get; }

    public abstract string Description { get; }
}

/// <summary>The synthetic shop: <paramref name="Customers"/> customers over <paramref name="Days"/> days ending at <see cref="FixedEnd"/>.</summary>
internal sealed record SyntheticDemoData(int Seed, int Customers, int Days = SyntheticDemoData.DefaultDays) : DemoData
{
    public const int DefaultCustomers = 2000;
    public const int DefaultDays = 180;
    public const int DefaultSeed = 42;

    /// <summary>Fixed, so a seed gives the same output whenever it runs.</summary>
    public static DateTimeOffset FixedEnd { get; } = new(2025, 12, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset End => FixedEnd;

    public override IReadOnlyList<DemoSegment> Segments => DemoSegment.Synthetic;

    public override string Description => $"synthetic shop: {Customers:N0} customers over {Days} days, seed {Seed}";

    public SyntheticShop Shop(string workspaceId) => new(Seed, Customers, Days, FixedEnd.UtcDateTime, workspaceId);
}

/// <summary>The UCI Online Retail data (XLSX, its zip, or CSV plain or gzipped), purchases only unless <paramref name="ProductLines"/>.</summary>
internal sealed record RetailDemoData(string Path, bool ProductLines = false) : DemoData
{
    public override DateTimeOffset End => RfmReference.OnlineRetailReferenceDate;

    public override IReadOnlyList<DemoSegment> Segments => DemoSegment.Retail;

    public override string Description => $"UCI Online Retail: {Path}";

    public FileEvents Open(string workspaceId) => FileEvents.Retail(Path, workspaceId, ProductLines);
}
