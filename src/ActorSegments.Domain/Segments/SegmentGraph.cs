using ActorSegments.Domain.Rules;
using ActorSegments.Domain.Rules.Ast;

namespace ActorSegments.Domain.Segments;

/// <summary>The graph of <c>in_segment</c> references: evaluation order and cycle detection.</summary>
internal static class SegmentGraph
{
    public static IEnumerable<InSegmentCondition> References(Condition rule) => rule switch
    {
        InSegmentCondition reference => [reference],
        AndCondition and => References(and.Left).Concat(References(and.Right)),
        OrCondition or => References(or.Left).Concat(References(or.Right)),
        NotCondition not => References(not.Operand),
        _ => [],
    };

    /// <summary>
    /// Segments ordered so that references come first (depth-first). A segment on a cycle gets an error naming the
    /// cycle at the reference that closes it, and is left out.
    /// </summary>
    public static List<string> Order(IReadOnlyDictionary<string, Condition> rules, Dictionary<string, IReadOnlyList<RuleDiagnostic>> errors)
    {
        var order = new List<string>();
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: visiting, true: done
        var path = new List<string>();

        void Visit(string id)
        {
            state[id] = false;
            path.Add(id);
            foreach (var reference in References(rules[id]))
            {
                if (!rules.ContainsKey(reference.SegmentId))
                {
                    continue; // unknown or unparsable: the compiler reports it
                }

                if (state.TryGetValue(reference.SegmentId, out var done) && !done)
                {
                    var cycle = path.SkipWhile(p => p != reference.SegmentId).Append(reference.SegmentId).ToList();
                    var text = string.Join(" -> ", cycle);
                    for (var i = 0; i < cycle.Count - 1; i++)
                    {
                        // Each member is told at its own reference to the next member of the cycle.
                        var next = References(rules[cycle[i]]).First(r => r.SegmentId == cycle[i + 1]);
                        errors[cycle[i]] = [next.Span.Diagnostic($"in_segment(\"{next.SegmentId}\") makes a cycle: {text}")];
                    }

                    continue;
                }

                if (!state.ContainsKey(reference.SegmentId))
                {
                    Visit(reference.SegmentId);
                }
            }

            path.RemoveAt(path.Count - 1);
            state[id] = true;
            if (!errors.ContainsKey(id))
            {
                order.Add(id);
            }
        }

        foreach (var id in rules.Keys.Order(StringComparer.Ordinal))
        {
            if (!state.ContainsKey(id))
            {
                Visit(id);
            }
        }

        return order;
    }
}
