using System.IO.Compression;
using System.Xml;

namespace ActorSegments.Datasets.Sheets;

/// <summary>
/// What a workbook's worksheet needs from the rest of the package: where the first worksheet is, the shared strings,
/// which cell styles are dates, and the date system. Read once, before the worksheet is streamed.
/// </summary>
public sealed class XlsxParts
{
    private const string WorkbookPath = "xl/workbook.xml";

    private XlsxParts(string sheetPath, IReadOnlyList<string> sharedStrings, IReadOnlyList<bool> dateStyles, bool date1904)
    {
        SheetPath = sheetPath;
        SharedStrings = sharedStrings;
        DateStyles = dateStyles;
        Date1904 = date1904;
    }

    /// <summary>The first worksheet's entry in the zip, e.g. "xl/worksheets/sheet1.xml".</summary>
    public string SheetPath { get; }

    public IReadOnlyList<string> SharedStrings { get; }

    /// <summary>Per cell style (the <c>s</c> attribute), whether its number format shows a date or time.</summary>
    public IReadOnlyList<bool> DateStyles { get; }

    /// <summary>Day numbers count from 1904-01-01 (old Mac workbooks) rather than 1899-12-30.</summary>
    public bool Date1904 { get; }

    public static bool IsWorkbook(ZipArchive archive) => archive.GetEntry(WorkbookPath) is not null;

    public static XlsxParts Read(ZipArchive archive)
    {
        var (sheetId, date1904) = ReadWorkbook(archive);
        var relationships = ReadRelationships(archive);
        var sheet = relationships.Where(r => r.Id == sheetId).Select(r => r.Target).FirstOrDefault()
            ?? archive.Entries.Select(e => e.FullName).Where(n => n.StartsWith("xl/worksheets/", StringComparison.Ordinal) && n.EndsWith(".xml", StringComparison.Ordinal)).Order(StringComparer.Ordinal).FirstOrDefault()
            ?? throw new InvalidDataException("the workbook has no worksheet");
        var strings = Part(archive, relationships, "/sharedStrings", "xl/sharedStrings.xml", ReadSharedStrings) ?? [];
        var dates = Part(archive, relationships, "/styles", "xl/styles.xml", XlsxDateStyles.Read) ?? [];
        return new XlsxParts(sheet, strings, dates, date1904);
    }

    public static XmlReader OpenXml(ZipArchiveEntry entry) =>
        XmlReader.Create(entry.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, CloseInput = true });

    /// <summary>The relationship id of the first sheet, and the date system.</summary>
    private static (string? SheetId, bool Date1904) ReadWorkbook(ZipArchive archive)
    {
        using var xml = OpenXml(archive.GetEntry(WorkbookPath)!);
        string? sheetId = null;
        var date1904 = false;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (xml.LocalName == "workbookPr")
            {
                date1904 = xml.GetAttribute("date1904") is "1" or "true";
            }
            else if (xml.LocalName == "sheet" && sheetId is null)
            {
                sheetId = RelationshipId(xml);
            }
        }

        return (sheetId, date1904);
    }

    /// <summary>The <c>r:id</c> attribute, in whichever namespace (transitional or strict) the file uses.</summary>
    private static string? RelationshipId(XmlReader xml)
    {
        for (var more = xml.MoveToFirstAttribute(); more; more = xml.MoveToNextAttribute())
        {
            if (xml.LocalName == "id" && xml.NamespaceURI.Contains("relationships", StringComparison.Ordinal))
            {
                var id = xml.Value;
                xml.MoveToElement();
                return id;
            }
        }

        xml.MoveToElement();
        return null;
    }

    private static List<(string Id, string Type, string Target)> ReadRelationships(ZipArchive archive)
    {
        var list = new List<(string, string, string)>();
        if (archive.GetEntry("xl/_rels/workbook.xml.rels") is not { } entry)
        {
            return list;
        }

        using var xml = OpenXml(entry);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship" && xml.GetAttribute("Target") is { } target)
            {
                // Targets are relative to xl/ unless absolute within the package.
                list.Add((xml.GetAttribute("Id") ?? "", xml.GetAttribute("Type") ?? "", target.StartsWith('/') ? target[1..] : "xl/" + target));
            }
        }

        return list;
    }

    private static T? Part<T>(ZipArchive archive, List<(string Id, string Type, string Target)> relationships, string typeSuffix, string conventional, Func<XmlReader, T> read)
        where T : class
    {
        var path = relationships.Where(r => r.Type.EndsWith(typeSuffix, StringComparison.Ordinal)).Select(r => r.Target).FirstOrDefault() ?? conventional;
        if (archive.GetEntry(path) is not { } entry)
        {
            return null;
        }

        using var xml = OpenXml(entry);
        return read(xml);
    }

    private static List<string> ReadSharedStrings(XmlReader xml)
    {
        var strings = new List<string>();
        xml.MoveToContent();
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
            {
                strings.Add(ReadText(xml));
            }
            else
            {
                xml.Read();
            }
        }

        return strings;
    }

    /// <summary>
    /// The text of a shared string (<c>si</c>) or an inline string (<c>is</c>): its <c>t</c> elements, rich-text runs
    /// joined, phonetic guides left out. Leaves the reader after the element's end.
    /// </summary>
    public static string ReadText(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return "";
        }

        var depth = xml.Depth;
        var text = new System.Text.StringBuilder();
        xml.Read();
        while (xml.Depth > depth)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "t")
            {
                text.Append(xml.ReadElementContentAsString());
                continue;
            }

            if (xml.NodeType == XmlNodeType.Element && xml.LocalName is "rPh" or "rPr")
            {
                xml.Skip();
                continue;
            }

            xml.Read();
        }

        xml.Read();
        return text.ToString();
    }
}
