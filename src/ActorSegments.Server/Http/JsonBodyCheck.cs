using System.Text.Json;
using ActorSegments.Domain.Rules;
using ActorSegments.Domain.Validation;
using Google.Protobuf.Reflection;

namespace ActorSegments.Server.Http;

/// <summary>
/// Checks a JSON request body against the protobuf message it will be read as, before JSON transcoding reads it:
/// every member must name a field (transcoding would silently drop <c>"propertes"</c> and with it the properties), and
/// every string must be valid Unicode (no invalid UTF-8, no unpaired surrogate escape such as <c>"\ud800"</c>). Each
/// problem is reported with the path of the field, in proto field names: <c>events[2].propertes</c>.
/// </summary>
internal static class JsonBodyCheck
{
    /// <summary>Messages whose JSON form is not an object of their fields (Struct, Value, Timestamp, wrappers, ...).</summary>
    private const string WellKnownTypes = "google.protobuf.";

    public static void Check(JsonElement element, MessageDescriptor message, string path, List<FieldViolation> violations)
    {
        if (element.ValueKind != JsonValueKind.Object || message.FullName.StartsWith(WellKnownTypes, StringComparison.Ordinal))
        {
            CheckText(element, path, violations); // a type mismatch is transcoding's to report
            return;
        }

        foreach (var member in element.EnumerateObject())
        {
            if (Text(() => member.Name) is not { } name)
            {
                violations.Add(new FieldViolation(Join(path, "?"), InvalidText));
                continue;
            }

            if (FieldOf(message, name) is not { } field)
            {
                var known = message.Fields.InDeclarationOrder().Select(f => f.JsonName);
                violations.Add(new FieldViolation(Join(path, Identifiers.Shorten(name)), $"is not a field of {message.Name}{Suggestions.DidYouMean(name, known)}"));
                continue;
            }

            CheckField(member.Value, field, Join(path, field.Name), violations);
        }
    }

    private static void CheckField(JsonElement value, FieldDescriptor field, string path, List<FieldViolation> violations)
    {
        if (field.IsMap && value.ValueKind == JsonValueKind.Object)
        {
            var mapped = field.MessageType.FindFieldByNumber(2);
            foreach (var entry in value.EnumerateObject())
            {
                var key = Text(() => entry.Name);
                var entryPath = key is null ? $"{path}[?]" : $"{path}[\"{Identifiers.Shorten(key)}\"]";
                if (key is null)
                {
                    violations.Add(new FieldViolation(entryPath, InvalidText));
                }

                CheckValue(entry.Value, mapped, entryPath, violations);
            }
        }
        else if (field.IsRepeated && !field.IsMap && value.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                CheckValue(item, field, $"{path}[{index++}]", violations);
            }
        }
        else
        {
            CheckValue(value, field, path, violations);
        }
    }

    private static void CheckValue(JsonElement value, FieldDescriptor field, string path, List<FieldViolation> violations)
    {
        if (field.FieldType == FieldType.Message)
        {
            Check(value, field.MessageType, path, violations);
        }
        else
        {
            CheckText(value, path, violations);
        }
    }

    /// <summary>Every string in <paramref name="element"/> (names and values, at any depth) must be valid Unicode.</summary>
    private static void CheckText(JsonElement element, string path, List<FieldViolation> violations)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String when Text(element.GetString) is null:
                violations.Add(new FieldViolation(path, InvalidText));
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    CheckText(item, $"{path}[{index++}]", violations);
                }

                break;
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    var name = Text(() => member.Name);
                    var memberPath = name is null ? $"{path}[?]" : $"{path}[\"{Identifiers.Shorten(name)}\"]";
                    if (name is null)
                    {
                        violations.Add(new FieldViolation(memberPath, InvalidText));
                    }

                    CheckText(member.Value, memberPath, violations);
                }

                break;
        }
    }

    private const string InvalidText = "is not valid text: it holds invalid UTF-8 or an unpaired surrogate escape (such as \\ud800); strings must be valid Unicode";

    /// <summary>The string, or null when it is not valid UTF-8 or holds an unpaired surrogate escape.</summary>
    private static string? Text(Func<string?> read)
    {
        try
        {
            return read();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>A member names a field by its JSON name (<c>customerId</c>) or its proto name (<c>customer_id</c>), as transcoding accepts.</summary>
    private static FieldDescriptor? FieldOf(MessageDescriptor message, string name) =>
        message.FindFieldByName(name) ?? message.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == name);

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
