using System.Collections;
using System.Reflection;
using System.Runtime.InteropServices;

namespace ActorSegments.Domain.Tests.Behavior;

/// <summary>
/// The heap bytes an object graph holds of its own, counted exactly from each object's size as the runtime lays it
/// out (its method table's base size, plus elements for arrays). Not counted, because every customer shares them:
/// strings (a state's keys are pooled), empty arrays (the runtime's singletons) and comparers.
/// </summary>
internal static class RetainedBytes
{
    public static long Of(object root)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<object>([root]);
        long total = 0;
        while (pending.TryPop(out var item))
        {
            if (item is string or IEqualityComparer or IComparer || item.GetType().Name.Contains("Comparer", StringComparison.Ordinal) || (item is Array { Length: 0 }) || !seen.Add(item))
            {
                continue;
            }

            total += SizeOf(item);
            if (item is Array array)
            {
                var element = array.GetType().GetElementType()!;
                foreach (var value in array)
                {
                    Visit(value, element, pending);
                }
            }
            else
            {
                VisitFields(item, item.GetType(), pending);
            }
        }

        return total;
    }

    private static void Visit(object? value, Type declared, Stack<object> pending)
    {
        if (value is null || declared.IsPrimitive || declared.IsEnum || declared.IsPointer)
        {
            return;
        }

        if (declared.IsValueType)
        {
            VisitFields(value, declared, pending); // a struct's fields, held inline
        }
        else
        {
            pending.Push(value);
        }
    }

    private static void VisitFields(object item, Type type, Stack<object> pending)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (!field.FieldType.IsPointer && !field.FieldType.IsByRefLike)
                {
                    Visit(field.GetValue(item), field.FieldType, pending);
                }
            }
        }
    }

    /// <summary>Base size from the method table (CoreCLR: the second 32-bit word), elements added for arrays.</summary>
    private static long SizeOf(object item)
    {
        var table = item.GetType().TypeHandle.Value;
        long size = Marshal.ReadInt32(table, 4);
        if (item is Array array)
        {
            size += (long)(ushort)Marshal.ReadInt32(table) * array.Length; // component size: the low 16 bits of the flags
        }

        return (size + 7) & ~7L;
    }
}
