using System.Text;

namespace ActorSegments.Server.Grpc;

/// <summary>
/// Member page tokens: the last customer id of the previous page, base64url-encoded so clients treat it as opaque and
/// any customer id (spaces, slashes) survives URLs and JSON.
/// </summary>
internal static class PageToken
{
    public static string Encode(string lastCustomerId) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(lastCustomerId)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The customer id to continue after; null for the first page; INVALID_ARGUMENT for a token not made here.</summary>
    public static string? Decode(string token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        try
        {
            var id = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            return id.Length > 0 ? id : throw new FormatException();
        }
        catch (FormatException)
        {
            throw InvalidArgument.Create("page_token", "is not a token this server issued; pass next_page_token of the previous page, or empty for the first page");
        }
    }
}
