using ActorSegments.Content.Model;
using Fluid;

namespace ActorSegments.Content.Sandbox;

/// <summary>
/// The allow-list: every member a template may read on the model's objects, under its documented snake_case name
/// (docs/templates.md). Maps, lists, strings, numbers and dates are Fluid's own values and need no entry.
/// </summary>
internal static class TemplateMembers
{
    public static void Register(MemberAccessStrategy members)
    {
        members.Register<TemplateCustomer, string>("id", c => c.Id);
        members.Register<TemplateCustomer, long>("total_events", c => c.TotalEvents);
        members.Register<TemplateCustomer, DateTimeOffset?>("first_seen", c => c.FirstSeen);
        members.Register<TemplateCustomer, DateTimeOffset?>("last_seen", c => c.LastSeen);
        members.Register<TemplateCustomer, double>("engagement", c => c.Engagement);
        members.Register<TemplateCustomer, string[]>("top_products", c => c.TopProducts);
        members.Register<TemplateCustomer, string[]>("top_categories", c => c.TopCategories);

        members.Register<TemplateRfm, long>("recency_days", r => r.RecencyDays);
        members.Register<TemplateRfm, long>("frequency", r => r.Frequency);
        members.Register<TemplateRfm, double>("monetary", r => r.Monetary);
        members.Register<TemplateRfm, int>("recency_score", r => r.RecencyScore);
        members.Register<TemplateRfm, int>("frequency_score", r => r.FrequencyScore);
        members.Register<TemplateRfm, int>("monetary_score", r => r.MonetaryScore);

        members.Register<TemplateLifecycle, string>("stage", l => l.Stage);
        members.Register<TemplateLifecycle, string?>("previous", l => l.Previous);
        members.Register<TemplateLifecycle, DateTimeOffset?>("since", l => l.Since);

        members.Register<TemplateCohort, string>("id", c => c.Id);
        members.Register<TemplateCohort, string>("name", c => c.Name);

        members.Register<TemplateCart, bool>("open", c => c.Open);
        members.Register<TemplateCart, double>("value", c => c.Value);
        members.Register<TemplateCart, double>("items", c => c.Items);
        members.Register<TemplateCart, DateTimeOffset?>("updated_at", c => c.UpdatedAt);

        members.Register<TemplateRecommendation, string>("product_id", r => r.ProductId);
        members.Register<TemplateRecommendation, int>("rank", r => r.Rank);
        members.Register<TemplateRecommendation, string>("reason", r => r.Reason);
    }
}
