using System.Collections.Concurrent;
using Orleans.Serialization;
using Orleans.Storage;

namespace ActorSegments.Grains.Tests;

/// <summary>
/// In-memory grain storage shared by every silo of the test process, with writes that can be made to fail: either
/// before anything is stored, or after storing (the answer is lost, as when a connection drops mid-commit).
/// </summary>
public sealed class FaultInjectingGrainStorage(DeepCopier copier) : IGrainStorage
{
    private static readonly ConcurrentDictionary<(string StateName, GrainId Grain), (object State, int Version)> _rows = new();
    private static readonly ConcurrentDictionary<GrainId, WriteFault> _faults = new();

    public enum WriteFault
    {
        BeforeStoring,
        AfterStoring,
    }

    /// <summary>The next write of this grain's state fails in the given way.</summary>
    public static void FailNextWrite(GrainId grain, WriteFault fault) => _faults[grain] = fault;

    /// <summary>How many times any state of this grain was written; 0 when never.</summary>
    public static int Writes(GrainId grain) => _rows.Where(r => r.Key.Grain == grain).Select(r => r.Value.Version).DefaultIfEmpty(0).Max();

    /// <summary>Replaces a stored state as an older build would have written it; false when none is stored.</summary>
    public static bool Rewrite<T>(string stateName, GrainId grain, Func<T, T> rewrite)
    {
        if (!_rows.TryGetValue((stateName, grain), out var row))
        {
            return false;
        }

        _rows[(stateName, grain)] = (rewrite((T)row.State)!, row.Version);
        return true;
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_rows.TryGetValue((stateName, grainId), out var row))
        {
            grainState.State = copier.Copy((T)row.State);
            grainState.ETag = row.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var fault = _faults.TryRemove(grainId, out var f) ? f : (WriteFault?)null;
        if (fault == WriteFault.BeforeStoring)
        {
            throw new IOException("injected: storage unreachable");
        }

        var key = (stateName, grainId);
        var expected = grainState.ETag is null ? 0 : int.Parse(grainState.ETag, System.Globalization.CultureInfo.InvariantCulture);
        var current = _rows.TryGetValue(key, out var row) ? row.Version : 0;
        if (current != expected)
        {
            throw new InconsistentStateException($"stored version {current}, grain expected {expected}");
        }

        _rows[key] = (copier.Copy(grainState.State)!, current + 1);
        if (fault == WriteFault.AfterStoring)
        {
            throw new IOException("injected: connection lost after commit");
        }

        grainState.ETag = (current + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _rows.TryRemove((stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
}
