namespace ActorSegments.Content.Model;

/// <summary><c>customer.*</c>: who the customer is and how active they have been.</summary>
internal sealed record TemplateCustomer(
    string Id,
    long TotalEvents,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastSeen,
    double Engagement,
    string[] TopProducts,
    string[] TopCategories);
