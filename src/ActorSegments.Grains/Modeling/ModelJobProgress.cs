using ActorSegments.Abstractions.Modeling;

namespace ActorSegments.Grains.Modeling;

/// <summary>A training's status, advanced by the job on a pool thread and read by the grain between calls.</summary>
public sealed class ModelJobProgress(ModelJobStatus initial)
{
    private ModelJobStatus _current = initial;

    public ModelJobStatus Current => Volatile.Read(ref _current);

    public void Update(Func<ModelJobStatus, ModelJobStatus> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        ModelJobStatus seen, next;
        do
        {
            seen = Current;
            next = change(seen);
        }
        while (Interlocked.CompareExchange(ref _current, next, seen) != seen);
    }

    public void Phase(string phase) => Update(s => s with { Phase = phase });

    public void Pushed(long pushed) => Update(s => s with { Pushed = Math.Max(s.Pushed, pushed) });
}
