using System.Collections.Concurrent;
using ActorSegments.Abstractions.Modeling;
using ActorSegments.Domain.Features;
using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActorSegments.Grains.Modeling;

/// <summary>
/// The propensity models each workspace's customers score themselves with when their features change. Read on the
/// event path, so it never waits: it answers from what it holds and looks for newer versions in the background every
/// <see cref="ModelingOptions.ScoringModelRefresh"/> (and at once after a training on this silo).
/// </summary>
/// <remarks>Without a model loader (a silo hosting no ML), nobody is scored live.</remarks>
public sealed partial class ScoringModels(IModelStore store, IServiceProvider services, TimeProvider clock, IOptions<ModelingOptions> options, ILogger<ScoringModels> logger)
{
    private readonly IScoringModelLoader? _loader = services.GetService<IScoringModelLoader>();
    private readonly ConcurrentDictionary<string, Entry> _workspaces = new(StringComparer.Ordinal);

    /// <summary>How far a live score must move to be recorded (see <see cref="ModelingOptions.ScoreChangeToRecord"/>).</summary>
    public double ChangeToRecord => options.Value.ScoreChangeToRecord;

    /// <summary>The models to score with now, by score name; empty until loaded.</summary>
    public IReadOnlyList<ScoringModel> Current(string workspaceId)
    {
        if (_loader is null)
        {
            return [];
        }

        var entry = _workspaces.GetOrAdd(workspaceId, _ => new Entry());
        var now = clock.GetUtcNow().UtcTicks;
        if (Volatile.Read(ref entry.CheckAfter) <= now && Interlocked.CompareExchange(ref entry.Loading, 1, 0) == 0)
        {
            Volatile.Write(ref entry.CheckAfter, now + options.Value.ScoringModelRefresh.Ticks);
            _ = Task.Run(() => LoadAsync(workspaceId, entry));
        }

        return entry.Models;
    }

    /// <summary>
    /// Loads the newest versions now (a training on this silo stored one), so the next event is scored with it; other
    /// silos find it within their refresh period. A load running meanwhile is harmless: both end with the newest.
    /// </summary>
    public Task ReloadAsync(string workspaceId)
    {
        var entry = _workspaces.GetOrAdd(workspaceId, _ => new Entry());
        Volatile.Write(ref entry.CheckAfter, clock.GetUtcNow().UtcTicks + options.Value.ScoringModelRefresh.Ticks);
        return _loader is null ? Task.CompletedTask : LoadAsync(workspaceId, entry);
    }

    private async Task LoadAsync(string workspaceId, Entry entry)
    {
        try
        {
            var models = new List<ScoringModel>();
            foreach (var name in new[] { ModelNames.Purchase30d, ModelNames.Churn60d })
            {
                var held = entry.Models.FirstOrDefault(m => m.Name == name);
                var latest = await store.LatestAsync(workspaceId, name);
                if (latest is null)
                {
                    continue;
                }

                var model = held is not null && held.Version == latest.Version ? held : new ScoringModel(name, latest.Version, _loader!.Load(latest.Payload), latest.Distribution);
                // A version trained on another feature layout (before an upgrade) cannot score today's rows: customers
                // keep the scores it pushed until the next training.
                if (model.Model.Width != CustomerFeatures.Count)
                {
                    LogOtherLayout(workspaceId, name, latest.Version, model.Model.Width, CustomerFeatures.Count);
                    continue;
                }

                models.Add(model);
            }

            entry.Models = models;
        }
        catch (Exception ex)
        {
            LogLoadFailed(ex, workspaceId);
        }
        finally
        {
            Volatile.Write(ref entry.Loading, 0);
        }
    }

    private sealed class Entry
    {
        // UTC ticks: a long is read and written whole from any thread.
        public long CheckAfter;
        public int Loading;
        public volatile IReadOnlyList<ScoringModel> Models = [];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model {Name} v{Version} of workspace {WorkspaceId} reads {Width} features, the feature row has {Expected}: not used for live scores until it is trained again")]
    private partial void LogOtherLayout(string workspaceId, string name, int version, int width, int expected);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Loading the scoring models of workspace {WorkspaceId} failed; customers keep the models held before")]
    private partial void LogLoadFailed(Exception exception, string workspaceId);
}

/// <summary>A loaded version of one propensity model, with its customers' scores at its scoring pass when stored.</summary>
public sealed record ScoringModel(string Name, int Version, IScoringModel Model, ScoreDistribution? Distribution)
{
    /// <summary>What a customer scored <paramref name="score"/> records: the score, and its percentile when known.</summary>
    public static List<KeyValuePair<string, double?>> Outputs(string name, double score, ScoreDistribution? distribution) =>
        distribution is null
            ? [new(name, score)]
            : [new(name, score), new(PercentileScores.NameFor(name), distribution.PercentileOf(score))];
}
