using ActorSegments.Cli.Connection;
using ActorSegments.Cli.Data.Import;

namespace ActorSegments.Cli.Ingest;

/// <summary>Reads <c>--property column[:number|bool|string][=name]</c>.</summary>
internal static class PropertySpec
{
    public static PropertyMapping Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var name = default(string);
        var column = spec;
        var equals = spec.LastIndexOf('=');
        if (equals >= 0)
        {
            name = spec[(equals + 1)..].Trim();
            column = spec[..equals];
        }

        var type = ImportValueType.String;
        var colon = column.LastIndexOf(':');
        if (colon >= 0 && TryType(column[(colon + 1)..].Trim(), out var declared))
        {
            type = declared;
            column = column[..colon];
        }

        column = column.Trim();
        if (column.Length == 0 || name is { Length: 0 })
        {
            throw new UsageException($"--property '{spec}' should look like column[:number|bool|string][=name].");
        }

        return new PropertyMapping(column, type, name);
    }

    private static bool TryType(string text, out ImportValueType type)
    {
        type = text.ToUpperInvariant() switch
        {
            "NUMBER" => ImportValueType.Number,
            "BOOL" => ImportValueType.Bool,
            "STRING" => ImportValueType.String,
            _ => (ImportValueType)(-1),
        };
        return Enum.IsDefined(type);
    }
}
