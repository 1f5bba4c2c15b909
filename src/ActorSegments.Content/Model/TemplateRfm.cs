namespace ActorSegments.Content.Model;

/// <summary><c>rfm.*</c>: recency (whole days), frequency, monetary value and their 1-5 scores.</summary>
internal sealed record TemplateRfm(long RecencyDays, long Frequency, double Monetary, int RecencyScore, int FrequencyScore, int MonetaryScore);
