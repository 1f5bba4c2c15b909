namespace ActorSegments.Domain.Modeling.Uplift;

/// <summary>
/// A point of a Qini curve: after targeting the <see cref="Targeted"/> highest-ranked customers (a
/// <see cref="Fraction"/> of all), the conversions messaging them added, <see cref="Incremental"/> =
/// Y_t − Y_c · N_t / N_c over those customers (treated and control conversions and counts).
/// </summary>
public readonly record struct QiniPoint(int Targeted, double Fraction, double Incremental);
