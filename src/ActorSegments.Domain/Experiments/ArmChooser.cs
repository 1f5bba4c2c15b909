using System.IO.Hashing;
using System.Text;

namespace ActorSegments.Domain.Experiments;

/// <summary>
/// Picks a customer's arm from a hash of (salt, customer id): the same customer always gets the same arm of the same
/// experiment, on any silo and after any restart, with no coordination; different salts split the same customers
/// independently. The hash is XxHash64 (seed 0) of the UTF-8 bytes of the salt, a zero byte and the customer id; its
/// top 53 bits as a fraction of 2^53 are a uniform draw from [0, 1), which falls into the arms' cumulative weights.
/// Part of the stored contract: changing it would move customers between arms of running experiments.
/// </summary>
public static class ArmChooser
{
    /// <summary>The uniform draw in [0, 1) for a customer under a salt.</summary>
    public static double Draw(string salt, string customerId)
    {
        ArgumentNullException.ThrowIfNull(salt);
        ArgumentNullException.ThrowIfNull(customerId);
        var length = Encoding.UTF8.GetByteCount(salt) + 1 + Encoding.UTF8.GetByteCount(customerId);
        var buffer = length <= 512 ? stackalloc byte[length] : new byte[length];
        var written = Encoding.UTF8.GetBytes(salt, buffer);
        buffer[written++] = 0;
        Encoding.UTF8.GetBytes(customerId, buffer[written..]);
        return (XxHash64.HashToUInt64(buffer) >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>The index of the arm a draw falls into, by relative weights (each &gt; 0).</summary>
    public static int Choose(double draw, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var total = weights.Sum();
        var cumulative = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            cumulative += weights[i];
            if (draw * total < cumulative)
            {
                return i;
            }
        }

        return weights.Count - 1; // rounding at the very top of the range
    }

    /// <summary>The arm of <paramref name="customerId"/> in <paramref name="experiment"/>.</summary>
    public static ExperimentArm Choose(ExperimentDefinition experiment, string customerId)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        return experiment.Arms[Choose(Draw(experiment.Salt, customerId), [.. experiment.Arms.Select(a => a.Weight)])];
    }
}
