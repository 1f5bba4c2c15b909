using ActorSegments.Protos.V1;
using Google.Protobuf.WellKnownTypes;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ActorSegments.Cli.Rendering;

/// <summary>A customer profile as a few small tables; parts the profile does not have are left out.</summary>
internal static class ProfileView
{
    public static void Write(IAnsiConsole console, CustomerProfile profile)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(profile);
        // A heading line, not a Rule: a Rule fills the console's width, which for redirected output is unbounded.
        console.MarkupLine($"customer [bold]{Markup.Escape(profile.CustomerId)}[/]");
        var summary = new Grid().AddColumn().AddColumn();
        Add(summary, "lifecycle", profile.LifecycleStage);
        Add(summary, "events", Formats.Count(profile.TotalEvents));
        Add(summary, "first seen", Formats.Time(profile.FirstSeen));
        Add(summary, "last seen", Formats.Time(profile.LastSeen));
        Add(summary, "engagement", profile.Engagement == 0 ? "" : Formats.Number(profile.Engagement));
        Add(summary, "cohort", profile.Cohort);
        Add(summary, "top categories", string.Join(", ", profile.TopCategories));
        Add(summary, "top products", string.Join(", ", profile.TopProducts));
        Add(summary, "recommended", string.Join(", ", profile.Recommendations));
        Add(summary, "next change", Formats.Time(profile.NextChange));
        if (profile.Cart is { UpdatedAt: not null } cart)
        {
            Add(summary, "cart", cart.Open ? $"open, {Formats.Number(cart.Items)} items, {Formats.Number(cart.Value)}" : "empty");
        }

        console.Write(summary);
        WriteIf(console, profile.Rfm is { } rfm ? Rfm(rfm) : null);
        WriteIf(console, Table(["trait", "value"], profile.Traits.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new[] { t.Key, Text(t.Value) })));
        WriteIf(console, Table(["score", "value"], profile.Scores.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new[] { s.Key, Formats.Number(s.Value) })));
        WriteIf(console, Table(["event type", "count", "first", "last"], profile.EventTypes.Select(t => new[] { t.Type, Formats.Count(t.Count), Formats.Time(t.FirstSeen), Formats.Time(t.LastSeen) })));
        WriteIf(console, Table(["recommended", "why"], Reasons(profile)));
        WriteIf(console, Table(["segment", "since"], profile.Segments.Select(s => new[] { s.SegmentId, Formats.Time(s.Since) })));
        WriteIf(console, Table(["stage", "from", "at"], profile.LifecycleHistory.Select(c => new[] { c.Stage, c.From, Formats.Time(c.At) })));
    }

    /// <summary>Each recommended item with why, best first; none when the model gave no reasons.</summary>
    private static IEnumerable<string[]> Reasons(CustomerProfile profile) =>
        profile.RecommendationReasons.Count == 0 ? [] : profile.Recommendations.Zip(profile.RecommendationReasons, (item, reason) => new[] { item, reason });

    private static Table Rfm(Rfm rfm) =>
        new Table().AddColumns("", "value", "score")
            .AddRow("recency (days)", Formats.Count(rfm.RecencyDays), rfm.RecencyScore.ToString(Formats.Culture))
            .AddRow("frequency", Formats.Count(rfm.Frequency), rfm.FrequencyScore.ToString(Formats.Culture))
            .AddRow("monetary", Formats.Number(rfm.Monetary), rfm.MonetaryScore.ToString(Formats.Culture));

    private static Table? Table(string[] columns, IEnumerable<string[]> rows)
    {
        var table = new Table().AddColumns(columns);
        foreach (var row in rows)
        {
            table.AddRow([.. row.Select(Markup.Escape)]);
        }

        return table.Rows.Count == 0 ? null : table;
    }

    private static void WriteIf(IAnsiConsole console, IRenderable? renderable)
    {
        if (renderable is not null)
        {
            console.Write(renderable);
        }
    }

    private static void Add(Grid grid, string name, string value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            grid.AddRow($"[grey]{name}[/]", Markup.Escape(value));
        }
    }

    private static string Text(Value value) => value.KindCase switch
    {
        Value.KindOneofCase.StringValue => value.StringValue,
        Value.KindOneofCase.NumberValue => Formats.Number(value.NumberValue),
        Value.KindOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        Value.KindOneofCase.ListValue => string.Join(", ", value.ListValue.Values.Select(Text)),
        _ => "",
    };
}
