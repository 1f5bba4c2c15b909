namespace ActorSegments.Server.Admission;

/// <summary>Events admitted to run; disposing it (once the request's work has finished, however) gives their room back.</summary>
internal sealed class AdmittedEvents(AdmissionGate gate, int events) : IDisposable
{
    private int _released;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            gate.Release(events);
        }
    }
}
