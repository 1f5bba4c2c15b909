namespace ActorSegments.Domain.Modeling.Uplift;

/// <summary>A score computed from one customer's feature row (in <see cref="Features.CustomerFeatures"/> order).</summary>
public delegate double RowScore(ReadOnlySpan<float> features);
