using System.Xml;

namespace ActorSegments.Datasets.Sheets;

/// <summary>
/// Which cell styles of a workbook show dates: Excel stores a date-time as a plain number of days and only the
/// style's number format says it is one.
/// </summary>
public static class XlsxDateStyles
{
    /// <summary>Per entry of <c>cellXfs</c> (the index a cell's <c>s</c> attribute gives), whether its format is a date or time.</summary>
    public static List<bool> Read(XmlReader xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var customFormats = new Dictionary<int, string>();
        var styles = new List<bool>();
        var inCellFormats = false;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "cellXfs")
            {
                inCellFormats = false;
            }

            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (xml.LocalName == "numFmt" && int.TryParse(xml.GetAttribute("numFmtId"), out var id))
            {
                customFormats[id] = xml.GetAttribute("formatCode") ?? "";
            }
            else if (xml.LocalName == "cellXfs")
            {
                inCellFormats = !xml.IsEmptyElement;
            }
            else if (xml.LocalName == "xf" && inCellFormats)
            {
                var format = int.TryParse(xml.GetAttribute("numFmtId"), out var f) ? f : 0;
                styles.Add(IsDate(format, customFormats.GetValueOrDefault(format)));
            }
        }

        return styles;
    }

    /// <summary>
    /// Built-in formats 14-22 and 45-47 are dates and times, 27-36 and 50-58 their East Asian forms; a custom format
    /// is one when a date or time letter remains after quoted text, escaped characters and [colour]/[locale] parts.
    /// </summary>
    public static bool IsDate(int formatId, string? formatCode)
    {
        if (formatId is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58))
        {
            return true;
        }

        if (string.IsNullOrEmpty(formatCode))
        {
            return false;
        }

        var inQuotes = false;
        var inBrackets = false;
        for (var i = 0; i < formatCode.Length; i++)
        {
            var c = formatCode[i];
            if (inQuotes)
            {
                inQuotes = c != '"';
            }
            else if (inBrackets)
            {
                inBrackets = c != ']';
            }
            else if (c == '"')
            {
                inQuotes = true;
            }
            else if (c == '[')
            {
                inBrackets = true;
            }
            else if (c == '\\')
            {
                i++;
            }
            else if (char.ToLowerInvariant(c) is 'y' or 'm' or 'd' or 'h' or 's')
            {
                return true;
            }
        }

        return false;
    }
}
