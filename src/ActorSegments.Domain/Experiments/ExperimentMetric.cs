namespace ActorSegments.Domain.Experiments;

/// <summary>
/// A goal an experiment is judged by, measured per customer from the customer's assignment on.
/// </summary>
/// <param name="Name">The metric's name in results (lower-case letters, digits, '_').</param>
/// <param name="Kind">Conversion, revenue per customer or retention on day N.</param>
/// <param name="EventType">The event counted (conversion, revenue); for retention, null means any activity event.</param>
/// <param name="Where">An optional filter on the event's properties, e.g. <c>revenue &gt; 0 and currency = "EUR"</c>.</param>
/// <param name="Property">The number property summed (revenue only).</param>
/// <param name="Days">The window in days after assignment (conversion, revenue), or N (retention day N).</param>
public sealed record ExperimentMetric(string Name, MetricKind Kind, string? EventType, string? Where, string? Property, int Days);
