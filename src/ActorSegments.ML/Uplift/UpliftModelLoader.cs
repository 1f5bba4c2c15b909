using ActorSegments.Domain.Modeling;
using ActorSegments.Domain.Modeling.Uplift;
using ActorSegments.ML.Propensity;

namespace ActorSegments.ML.Uplift;

/// <summary>Rebuilds an uplift model from the payload <see cref="TwoModelUpliftTrainer"/> stored: its two outcome models.</summary>
public sealed class UpliftModelLoader(IScoringModelLoader outcomes)
{
    public UpliftModelLoader()
        : this(new PropensityModelLoader())
    {
    }

    /// <exception cref="InvalidDataException">Not an uplift payload.</exception>
    public UpliftModel Load(byte[] payload)
    {
        var (treated, control) = UpliftPayload.Unpack(payload);
        return new UpliftModel(outcomes.Load(treated), outcomes.Load(control));
    }
}
