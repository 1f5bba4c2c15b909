using ActorSegments.Abstractions.Customers;
using ActorSegments.Abstractions.Segments;
using ActorSegments.Content;
using ActorSegments.Domain.Storage;
using ActorSegments.Protos.V1;
using ActorSegments.Server.Access;
using Grpc.Core;

namespace ActorSegments.Server.Grpc;

/// <summary>
/// Renders Liquid templates against customers' profiles (the same views <c>GetCustomer</c> returns): for one customer,
/// or for a sample of a segment's members grouped into the variants they would receive.
/// </summary>
internal sealed class ContentGrpcService(IGrainFactory grains, CohortNames cohortNames, ISegmentMembers members, TemplateEngine engine)
    : ContentService.ContentServiceBase
{
    public const int DefaultSampleSize = 100;
    public const int MaxSampleSize = 500;
    public const int MaxVariantsShown = 10;
    public const int MaxExamples = 5;

    /// <summary>Profiles read at once for a preview: enough to hide grain latency, few enough to leave the silo to others.</summary>
    private const int ProfileReadsInFlight = 16;

    public override async Task<RenderTemplateResponse> RenderTemplate(RenderTemplateRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId, customerId: request.CustomerId);
        ContentErrors.CheckLength(engine, request.Template);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Read);
        var template = ContentErrors.Parse(engine, request.Template);
        var model = await ModelAsync(request.WorkspaceId, request.CustomerId, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"Customer '{request.CustomerId}' has no recorded events in workspace '{request.WorkspaceId}'."));
        return new RenderTemplateResponse
        {
            CustomerId = request.CustomerId,
            Content = await RenderAsync(template, model, Encoding(request.PlainText), context.CancellationToken),
        };
    }

    public override async Task<PreviewTemplateResponse> PreviewTemplate(PreviewTemplateRequest request, ServerCallContext context)
    {
        RequestChecks.Ids(request.WorkspaceId, request.SegmentId);
        var sampleSize = SampleSize(request.SampleSize);
        ContentErrors.CheckLength(engine, request.Template);
        context.Demand(request.WorkspaceId, ApiKeyScopes.Read);
        var template = ContentErrors.Parse(engine, request.Template);
        _ = await grains.GetGrain<ISegmentGrain>(SegmentGrainKey.Format(request.WorkspaceId, request.SegmentId)).GetStatsAsync()
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"Segment '{request.SegmentId}' does not exist in workspace '{request.WorkspaceId}'."));

        // The count comes from the member list the sample is read from (the segment's live count trails it briefly).
        var size = await members.OverlapAsync(request.WorkspaceId, [request.SegmentId], context.CancellationToken);
        var sample = await members.PageAsync(request.WorkspaceId, request.SegmentId, afterCustomerId: null, sampleSize, context.CancellationToken);
        var models = new TemplateModel?[sample.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, sample.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ProfileReadsInFlight, CancellationToken = context.CancellationToken },
            async (i, ct) => models[i] = await ModelAsync(request.WorkspaceId, sample[i].CustomerId, ct));

        // Rendered in customer-id order, so the examples and the order of equal variants do not depend on timing.
        var tally = new VariantTally(MaxExamples);
        foreach (var model in models.OfType<TemplateModel>())
        {
            tally.Add(model.CustomerId, await RenderAsync(template, model, Encoding(request.PlainText), context.CancellationToken));
        }

        var shown = tally.Top(MaxVariantsShown);
        var response = new PreviewTemplateResponse
        {
            Members = size.Sizes.GetValueOrDefault(request.SegmentId),
            Sampled = tally.Customers,
            DistinctVariants = tally.Distinct,
            CustomersInOtherVariants = tally.Customers - shown.Sum(v => v.Customers),
        };
        response.Variants.AddRange(shown.Select(v => new TemplateVariant { Content = v.Content, Customers = v.Customers, ExampleCustomerIds = { v.ExampleCustomerIds } }));
        return response;
    }

    private async Task<TemplateModel?> ModelAsync(string workspaceId, string customerId, CancellationToken cancellationToken)
    {
        var profile = await grains.GetCustomer(workspaceId, customerId).GetProfileAsync();
        if (profile is null)
        {
            return null;
        }

        var cohortName = profile.Cohort is { } cohort ? await cohortNames.NameAsync(workspaceId, cohort, cancellationToken) : null;
        return TemplateModel.From(profile, cohortName);
    }

    private async Task<string> RenderAsync(ParsedTemplate template, TemplateModel model, TemplateEncoding encoding, CancellationToken cancellationToken)
    {
        try
        {
            return await engine.RenderAsync(template, model, encoding, cancellationToken);
        }
        catch (TemplateRenderException ex)
        {
            throw ContentErrors.Failed(ex, model.CustomerId);
        }
    }

    private static TemplateEncoding Encoding(bool plainText) => plainText ? TemplateEncoding.PlainText : TemplateEncoding.Html;

    private static int SampleSize(int requested) => requested switch
    {
        0 => DefaultSampleSize,
        > 0 and <= MaxSampleSize => requested,
        _ => throw InvalidArgument.Create("sample_size", $"must be between 1 and {MaxSampleSize}, or 0 for {DefaultSampleSize} (got {requested})"),
    };
}
