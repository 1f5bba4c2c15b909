using ActorSegments.Domain.Modeling;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ActorSegments.ML.Propensity;

/// <summary>Rebuilds a propensity model from the payload <see cref="PropensityTrainer"/> saved (calibrated or, from before calibration, not).</summary>
public sealed class PropensityModelLoader : IScoringModelLoader
{
    public IScoringModel Load(byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var (calibrator, model) = PropensityPayload.Read(payload);
        var classifier = LoadClassifier(model);
        return calibrator is null ? classifier : new CalibratedScoringModel(classifier, calibrator);
    }

    private static PooledScoringModel LoadClassifier(ReadOnlyMemory<byte> model)
    {
        var context = new MLContext();
        using var stream = new MemoryStream(model.ToArray(), writable: false);
        var transformer = context.Model.Load(stream, out var inputSchema);
        var features = inputSchema.GetColumnOrNull(nameof(PropensityRow.Features))?.Type as VectorDataViewType
            ?? throw new InvalidDataException("The payload is not a propensity model: its input has no feature vector column.");
        return new PooledScoringModel(context, transformer, features.Size);
    }
}
