namespace ActorSegments.SqlBaseline;

/// <summary>
/// One sample segment as SQL: <paramref name="Query"/> returns the customer_id of every member as of the parameter
/// <c>@now</c>. <paramref name="Note"/> says where the SQL is not a plain translation of the rule (null when it is).
/// </summary>
public sealed record SqlSegment(string Id, string Query, string? Note = null);
