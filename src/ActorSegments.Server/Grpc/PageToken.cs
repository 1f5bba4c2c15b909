using System.Buffers.Text;
using System.Text;

namespace ActorSegments.Server.Grpc;

/// <summary>
/// Member page tokens: the last customer id of the previous page, base64url-encoded so clients treat it as opaque and
/// any customer id (spaces, slashes) survives URLs and JSON.
/// </summary>
internal static class PageToken
{
    public static string Encode(string lastCustomerId) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(lastCustomerId));

    /// <summary>The customer id to continue after; null for the first page; INVALID_ARGUMENT for a token not made here.</summary>
    public static string? Decode(string token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var id = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            return id.Length > 0 ? id : throw new FormatException();
        }
        catch (FormatException)
        {
            throw InvalidArgument.Create("page_token", "is not a token this server issued; pass next_page_token of the previous page, or empty for the first page");
        }
    }
}
