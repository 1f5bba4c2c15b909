using ActorSegments.Abstractions.Segments;
using ActorSegments.Domain.Storage;
using ActorSegments.Grains.Segments;
using Microsoft.Extensions.DependencyInjection;

namespace ActorSegments.ClusterBench;

/// <summary>Segments defined in process through <see cref="SegmentDefinitions"/>, the port the API's CreateSegment uses.</summary>
internal static class SegmentSetup
{
    /// <summary>
    /// Saves each segment in the order given (a segment that names another must come after it) and waits until all
    /// are live. On PostgreSQL each backfill first waits a few seconds for the change to settle, so the saves go one
    /// after another (each returns at once) and the waits together.
    /// </summary>
    public static async Task DefineAsync(IServiceProvider services, string workspace, IEnumerable<(string Id, string Rule)> segments)
    {
        var definitions = services.GetRequiredService<SegmentDefinitions>();
        var saved = new List<string>();
        foreach (var (id, rule) in segments)
        {
            var result = await definitions.SaveAsync(workspace, id, rule, expectedVersion: null);
            if (!result.Succeeded)
            {
                var why = result.Problem ?? string.Join("; ", result.Diagnostics.Select(d => d.Message));
                throw new InvalidOperationException($"segment '{id}' ({rule}) was refused: {why}");
            }

            saved.Add(id);
        }

        var grains = services.GetRequiredService<IGrainFactory>();
        await Task.WhenAll(saved.Select(id => WaitUntilLiveAsync(grains, workspace, id)));
    }

    /// <summary>Polls the segment until its backfill is done; returns its stats then.</summary>
    public static async Task<SegmentStats> WaitUntilLiveAsync(IGrainFactory grains, string workspace, string segmentId)
    {
        var segment = grains.GetGrain<ISegmentGrain>(SegmentGrainKey.Format(workspace, segmentId));
        SegmentStats? stats;
        while ((stats = await segment.GetStatsAsync()) is not { Status: SegmentStatus.Live })
        {
            await Task.Delay(50);
        }

        return stats;
    }
}
