using ActorSegments.Domain.Access;
using ActorSegments.Domain.Storage;
using ActorSegments.Domain.Validation;

namespace ActorSegments.WebConsole.Access;

/// <summary>The workspaces a caller may switch to: those that exist and their key sees, and a workspace key's own.</summary>
public sealed class WorkspaceChoices(IWorkspaceDirectory workspaces)
{
    public async Task<IReadOnlyList<string>> ForAsync(Caller caller, CancellationToken cancellationToken)
    {
        var seen = (await workspaces.ListAsync(cancellationToken)).Select(w => w.WorkspaceId).Where(caller.Sees).ToList();
        if (caller.WorkspaceId is { } own && !seen.Contains(own, StringComparer.Ordinal))
        {
            seen.Insert(0, own);
        }

        return seen;
    }

    /// <summary>Why <paramref name="workspaceId"/> cannot be chosen by <paramref name="caller"/>; null when it can.</summary>
    public static string? Refusal(Caller caller, string? workspaceId) =>
        string.IsNullOrWhiteSpace(workspaceId) ? "Name a workspace."
        : Identifiers.CheckWorkspaceId(workspaceId, EventLimits.Default.MaxWorkspaceIdLength) is { } problem ? $"Workspace id {problem}."
        : caller.Sees(workspaceId) ? null
        : $"This API key belongs to workspace '{caller.WorkspaceId}' and cannot open workspace '{workspaceId}'.";
}
