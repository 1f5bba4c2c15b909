using ActorSegments.Protos.V1;
using Spectre.Console;

namespace ActorSegments.Cli.Rendering;

/// <summary>Segments as a table: one row each, with status, version, live count and backfill progress.</summary>
internal static class SegmentTable
{
    public static Table Of(IEnumerable<Segment> segments, bool withRule)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var table = new Table().AddColumns("segment", "status", "version", "members", "backfill", "updated");
        if (withRule)
        {
            table.AddColumn("rule");
        }

        foreach (var segment in segments)
        {
            var cells = new List<string>
            {
                Markup.Escape(segment.SegmentId),
                Status(segment.Status),
                segment.Version.ToString(Formats.Culture),
                Formats.Count(segment.Members),
                $"{Formats.Count(segment.BackfillDone)}/{Formats.Count(segment.BackfillTotal)}",
                Formats.Time(segment.UpdatedAt),
            };
            if (withRule)
            {
                cells.Add(Markup.Escape(segment.Rule));
            }

            table.AddRow([.. cells]);
        }

        return table;
    }

    public static string Status(SegmentStatus status) => status switch
    {
        SegmentStatus.Live => "[green]live[/]",
        SegmentStatus.Backfilling => "[yellow]backfilling[/]",
        SegmentStatus.Pending => "[yellow]pending[/]",
        _ => "unknown",
    };
}
