namespace ActorSegments.Domain.Rules.Ast;

/// <summary>
/// <c>percentile("purchase_30d")</c>: where the customer's propensity score falls among all customers, 0-100, so
/// <c>percentile("purchase_30d") &gt;= 80</c> is the top 20% most likely to buy.
/// </summary>
public sealed record PercentileOperand(string Score) : Operand;
