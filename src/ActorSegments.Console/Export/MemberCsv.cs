using System.Globalization;
using System.Text;
using ActorSegments.Domain.Storage;

namespace ActorSegments.WebConsole.Export;

/// <summary>
/// A segment's members as CSV (<c>customer_id,member_since</c>), written page by page so an export of any size holds
/// one page in memory. Fields are quoted as RFC 4180 says; a field a spreadsheet would take for a formula (starting
/// with =, +, -, @, tab or carriage return) is prefixed with an apostrophe, so opening the file runs nothing.
/// </summary>
internal static class MemberCsv
{
    private const int PageSize = 1_000;

    public static async Task WriteAsync(ISegmentMembers members, string workspaceId, string segmentId, Stream output, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        await writer.WriteAsync("customer_id,member_since\r\n");
        string? after = null;
        while (true)
        {
            var page = await members.PageAsync(workspaceId, segmentId, after, PageSize, cancellationToken);
            foreach (var member in page)
            {
                await writer.WriteAsync($"{Field(member.CustomerId)},{member.Since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}\r\n");
            }

            if (page.Count < PageSize)
            {
                return;
            }

            after = page[^1].CustomerId;
        }
    }

    internal static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
