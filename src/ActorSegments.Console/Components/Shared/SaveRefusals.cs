using ActorSegments.Grains.Segments;
using Microsoft.AspNetCore.Http;

namespace ActorSegments.WebConsole.Components.Shared;

/// <summary>The HTTP status a refused save or delete answers with, matching the API's (NOT_FOUND 404, ALREADY_EXISTS/ABORTED/FAILED_PRECONDITION 409).</summary>
internal static class SaveRefusals
{
    public static int StatusOf(SegmentRefusal refusal, int diagnostics) => diagnostics > 0 ? StatusCodes.Status400BadRequest : refusal switch
    {
        SegmentRefusal.NotFound => StatusCodes.Status404NotFound,
        SegmentRefusal.AlreadyExists or SegmentRefusal.VersionConflict or SegmentRefusal.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };
}
