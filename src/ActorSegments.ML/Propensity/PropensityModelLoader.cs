using ActorSegments.Domain.Modeling;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ActorSegments.ML.Propensity;

/// <summary>Rebuilds a propensity model from the payload <see cref="PropensityTrainer"/> saved.</summary>
public sealed class PropensityModelLoader : IScoringModelLoader
{
    public IScoringModel Load(byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var context = new MLContext();
        using var stream = new MemoryStream(payload, writable: false);
        var transformer = context.Model.Load(stream, out var inputSchema);
        var features = inputSchema.GetColumnOrNull(nameof(PropensityRow.Features))?.Type as VectorDataViewType
            ?? throw new InvalidDataException("The payload is not a propensity model: its input has no feature vector column.");
        return new PooledScoringModel(context, transformer, features.Size);
    }
}
