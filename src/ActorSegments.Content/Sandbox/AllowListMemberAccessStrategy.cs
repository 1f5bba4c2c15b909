using Fluid;

namespace ActorSegments.Content.Sandbox;

/// <summary>
/// Member access by explicit registration only. Fluid's default strategy falls back to reflection over any public
/// property of any object it meets; this one answers nil for every member that was not registered by name, so a
/// template reaches the documented model and nothing else.
/// </summary>
internal sealed class AllowListMemberAccessStrategy : MemberAccessStrategy
{
    // Filled while the options are built, read-only afterwards: concurrent renders only read.
    private readonly Dictionary<Type, Dictionary<string, MemberAccessor>> _members = [];

    public override MemberAccessor GetAccessor(Type type, string name, StringComparer stringComparer) =>
        _members.TryGetValue(type, out var members) && members.TryGetValue(name, out var accessor) ? accessor : null!;

    public override void Register(Type type, string name, MemberAccessor accessor)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name == "*")
        {
            throw new ArgumentException("A wildcard would open every member of the type; register members by name.", nameof(name));
        }

        if (!_members.TryGetValue(type, out var members))
        {
            _members[type] = members = new Dictionary<string, MemberAccessor>(StringComparer.Ordinal);
        }

        members[name] = accessor;
    }

    /// <summary>The registered members, as <c>type.member</c>, for tests and docs to compare against.</summary>
    public IEnumerable<string> Registered => _members.SelectMany(t => t.Value.Keys.Select(m => $"{t.Key.Name}.{m}"));
}
