using ActorSegments.Domain.Behavior;
using ActorSegments.Domain.Rules;
using ActorSegments.Domain.Rules.Ast;
using ActorSegments.Domain.Rules.Compilation;
using ActorSegments.Domain.Rules.Syntax;

namespace ActorSegments.Domain.Segments;

/// <summary>
/// A workspace's segments compiled together: ordered so that a segment comes after every segment it references,
/// checked for reference cycles, and indexed by what they read. Segments that fail to compile are left out and their
/// problems reported; segments referencing them fail too.
/// </summary>
public sealed class SegmentSet : ISegmentCatalog
{
    private readonly Dictionary<string, CompiledSegment> _byId = new(StringComparer.Ordinal);
    private readonly HashSet<string> _declared;
    private readonly List<CompiledSegment> _ordered = [];

    private SegmentSet(IEnumerable<string> declared) => _declared = declared.ToHashSet(StringComparer.Ordinal);

    /// <summary>Segments in evaluation order: every segment after the segments it references.</summary>
    public IReadOnlyList<CompiledSegment> Segments => _ordered;

    public DependencyIndex Index { get; private set; } = new([]);

    /// <summary>Problems per segment id (empty when every segment compiled).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<RuleDiagnostic>> Errors { get; private set; } = new Dictionary<string, IReadOnlyList<RuleDiagnostic>>();

    IReadOnlyCollection<string> ISegmentCatalog.SegmentIds => _declared;

    public CompiledSegment? Segment(string id) => _byId.GetValueOrDefault(id);

    CompiledRule? ISegmentCatalog.Find(string segmentId) => _byId.GetValueOrDefault(segmentId)?.Rule;

    public static SegmentSet Compile(IEnumerable<SegmentDefinition> definitions, BehaviorModel model)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(model);
        var all = definitions.ToList();
        var set = new SegmentSet(all.Select(d => d.Id));
        var errors = new Dictionary<string, IReadOnlyList<RuleDiagnostic>>(StringComparer.Ordinal);

        var syntax = new Dictionary<string, Condition>(StringComparer.Ordinal);
        foreach (var definition in all)
        {
            if (syntax.ContainsKey(definition.Id))
            {
                errors[definition.Id] = [new RuleDiagnostic(1, 1, 0, $"segment id '{definition.Id}' is defined twice")];
            }
            else if (RuleParser.TryParse(definition.Rule, out var rule, out var diagnostic))
            {
                syntax[definition.Id] = rule;
            }
            else
            {
                errors[definition.Id] = [diagnostic];
            }
        }

        foreach (var id in SegmentGraph.Order(syntax, errors))
        {
            var compilation = RuleCompiler.Compile(syntax[id], model, set);
            var failedReference = SegmentGraph.References(syntax[id]).FirstOrDefault(r => errors.ContainsKey(r.SegmentId));
            if (failedReference is not null)
            {
                errors[id] = [failedReference.Span.Diagnostic($"segment '{failedReference.SegmentId}' has errors, so this segment cannot be evaluated")];
            }
            else if (!compilation.Succeeded)
            {
                errors[id] = compilation.Diagnostics;
            }
            else
            {
                var compiled = new CompiledSegment(id, set._ordered.Count, compilation.Rule!);
                set._ordered.Add(compiled);
                set._byId[id] = compiled;
            }
        }

        set.Index = new DependencyIndex(set._ordered);
        set.Errors = errors;
        return set;
    }
}
