using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing.Patterns;

namespace ActorSegments.Server.Http;

/// <summary>
/// Finishes decoding route values that hold an escaped '/'. Kestrel decodes a request path except <c>%2F</c>, which
/// it keeps so the path's segments stay as sent; a customer id "a/b", sent as <c>a%2Fb</c>, would be looked up as
/// "a%2Fb" and not found. Such a value is decoded again from the raw request target, segment by segment, so
/// <c>%2F</c> reads as '/' and <c>%252F</c> (an escaped '%') as "%2F", as standard URL encoding means.
/// </summary>
internal static class RouteValueDecoding
{
    public static void Apply(HttpContext context)
    {
        if (context.GetEndpoint() is not RouteEndpoint endpoint || !HasEscapedSlash(context.Request.RouteValues))
        {
            return;
        }

        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target) || target[0] != '/')
        {
            return;
        }

        var query = target.IndexOf('?', StringComparison.Ordinal);
        var rawSegments = (query < 0 ? target : target[..query]).Split('/')[1..];
        var segments = endpoint.RoutePattern.PathSegments;
        for (var i = 0; i < segments.Count && i < rawSegments.Length; i++)
        {
            Decode(context.Request.RouteValues, segments[i], rawSegments[i]);
        }
    }

    /// <summary>A segment made of one parameter, possibly with literal text around it (<c>{customer_id}:identify</c>).</summary>
    private static void Decode(RouteValueDictionary values, RoutePatternPathSegment segment, string rawSegment)
    {
        var parameters = segment.Parts.OfType<RoutePatternParameterPart>().ToList();
        if (parameters.Count != 1 || parameters[0].IsCatchAll || values[parameters[0].Name] is not string value || !HasEscapedSlash(value))
        {
            return;
        }

        var prefix = string.Concat(segment.Parts.TakeWhile(p => p != parameters[0]).OfType<RoutePatternLiteralPart>().Select(l => l.Content));
        var suffix = string.Concat(segment.Parts.SkipWhile(p => p != parameters[0]).Skip(1).OfType<RoutePatternLiteralPart>().Select(l => l.Content));
        var decoded = Uri.UnescapeDataString(rawSegment);
        if (decoded.Length >= prefix.Length + suffix.Length && decoded.StartsWith(prefix, StringComparison.Ordinal) && decoded.EndsWith(suffix, StringComparison.Ordinal))
        {
            values[parameters[0].Name] = decoded[prefix.Length..^suffix.Length];
        }
    }

    private static bool HasEscapedSlash(RouteValueDictionary values) => values.Values.OfType<string>().Any(HasEscapedSlash);

    private static bool HasEscapedSlash(string value) => value.Contains("%2F", StringComparison.OrdinalIgnoreCase);
}
