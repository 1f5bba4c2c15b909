using ActorSegments.Abstractions.Customers;
using ActorSegments.Domain.Events;
using Microsoft.Extensions.Options;

namespace ActorSegments.Grains.Modeling;

/// <summary>
/// Writes model outputs back to customers in bulk: a bounded number of customer calls in flight, each retried when
/// the journal is overloaded. Every output has an id derived from the job, so a retried or resumed push applies
/// each customer's output once.
/// </summary>
public sealed class ModelOutputPusher(IGrainFactory grains, IOptions<ModelingOptions> options)
{
    /// <summary>Pushes every output; <paramref name="onPushed"/> is told the running total now and then.</summary>
    public async Task<long> PushAsync(
        string workspaceId,
        IAsyncEnumerable<(string CustomerId, ModelOutput Outputs)> outputs,
        Action<long>? onPushed,
        CancellationToken cancellationToken)
    {
        long pushed = 0;
        var settings = options.Value;
        await Parallel.ForEachAsync(
            outputs,
            new ParallelOptions { MaxDegreeOfParallelism = settings.PushConcurrency, CancellationToken = cancellationToken },
            async (item, token) =>
            {
                await PushOneAsync(grains.GetCustomer(workspaceId, item.CustomerId), item.Outputs, settings.PushAttempts, token);
                var total = Interlocked.Increment(ref pushed);
                if (total % 1_000 == 0)
                {
                    onPushed?.Invoke(total);
                }
            });
        onPushed?.Invoke(pushed);
        return pushed;
    }

    private static async Task PushOneAsync(ICustomerGrain customer, ModelOutput outputs, int attempts, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await customer.ApplyModelOutputsAsync(outputs);
                return;
            }
            catch (EventsNotStoredException) when (attempt < attempts)
            {
                // Overloaded or reloading after a failed commit: the same id makes the retry safe.
                await Task.Delay(TimeSpan.FromMilliseconds(50 * (1 << attempt)), cancellationToken);
            }
        }
    }
}
