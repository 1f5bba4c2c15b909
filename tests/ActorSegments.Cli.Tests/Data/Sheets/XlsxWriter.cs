using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace ActorSegments.Cli.Tests.Data.Sheets;

/// <summary>A cell of a test workbook: how Excel would store it.</summary>
internal abstract record XCell
{
    public static implicit operator XCell(string text) => new XShared(text);

    public static implicit operator XCell(double number) => new XNumber(number.ToString("R", CultureInfo.InvariantCulture));
}

/// <summary>Text in the shared-string table (what Excel writes for text).</summary>
internal sealed record XShared(string Text) : XCell;

/// <summary>Text as rich-text runs in the shared-string table, with a phonetic run that is not part of the text.</summary>
internal sealed record XRich(params string[] Runs) : XCell;

/// <summary>Text inline in the cell (what some generators write).</summary>
internal sealed record XInline(string Text) : XCell;

/// <summary>A number exactly as written in the XML, e.g. "2.5499999999999998".</summary>
internal sealed record XNumber(string Raw) : XCell;

/// <summary>A date-time as Excel stores it: a day number with a date style (built-in 22, or the custom dd/mm/yyyy hh:mm).</summary>
internal sealed record XDate(DateTime Value, bool CustomFormat = false) : XCell;

internal sealed record XBool(bool Value) : XCell;

/// <summary>No cell at all (Excel omits empty cells).</summary>
internal sealed record XMissing : XCell;

/// <summary>
/// Writes a minimal .xlsx as Excel lays it out (a zip of SpreadsheetML parts: workbook, its relationships, styles,
/// shared strings, one worksheet), so the reader is tested on files made here, never on a committed dataset.
/// </summary>
internal static class XlsxWriter
{
    public static void Write(string path, IReadOnlyList<IReadOnlyList<XCell>> rows, bool date1904 = false, string sheetPath = "worksheets/sheet1.xml")
    {
        using var file = File.Create(path);
        Write(file, rows, date1904, sheetPath);
    }

    public static void Write(Stream stream, IReadOnlyList<IReadOnlyList<XCell>> rows, bool date1904 = false, string sheetPath = "worksheets/sheet1.xml")
    {
        var strings = new List<string>();
        var sheet = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        for (var r = 0; r < rows.Count; r++)
        {
            sheet.Append(CultureInfo.InvariantCulture, $"""<row r="{r + 1}">""");
            for (var c = 0; c < rows[r].Count; c++)
            {
                var reference = $"{(char)('A' + c)}{r + 1}";
                sheet.Append(Cell(rows[r][c], reference, strings, date1904));
            }

            sheet.Append("</row>");
        }

        sheet.Append("</sheetData></worksheet>");
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        Add(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>""");
        Add(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Add(zip, "xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr{(date1904 ? " date1904=\"1\"" : "")}/><sheets><sheet name="Online Retail" sheetId="1" r:id="rId7"/></sheets></workbook>""");
        Add(zip, "xl/_rels/workbook.xml.rels", $"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="{sheetPath}"/></Relationships>""");
        Add(zip, "xl/styles.xml", """<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\ hh:mm"/><numFmt numFmtId="165" formatCode="&quot;days&quot;\ 0.00"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="22" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/></cellXfs></styleSheet>""");
        Add(zip, "xl/sharedStrings.xml", $"""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{strings.Count}" uniqueCount="{strings.Count}">{string.Concat(strings)}</sst>""");
        Add(zip, sheetPath.StartsWith('/') ? sheetPath[1..] : "xl/" + sheetPath, sheet.ToString());
    }

    private static string Cell(XCell cell, string reference, List<string> strings, bool date1904) => cell switch
    {
        XShared s => $"""<c r="{reference}" t="s"><v>{Share(strings, $"<si><t xml:space=\"preserve\">{SecurityElement.Escape(s.Text)}</t></si>")}</v></c>""",
        XRich rich => $"""<c r="{reference}" t="s"><v>{Share(strings, $"<si>{string.Concat(rich.Runs.Select(t => $"<r><rPr><b/></rPr><t xml:space=\"preserve\">{SecurityElement.Escape(t)}</t></r>"))}<rPh sb='0' eb='1'><t>ignored</t></rPh></si>")}</v></c>""",
        XInline inline => $"""<c r="{reference}" t="inlineStr"><is><t>{SecurityElement.Escape(inline.Text)}</t></is></c>""",
        XNumber number => $"""<c r="{reference}"><v>{number.Raw}</v></c>""",
        XDate date => $"""<c r="{reference}" s="{(date.CustomFormat ? 2 : 1)}"><v>{Serial(date.Value, date1904).ToString("R", CultureInfo.InvariantCulture)}</v></c>""",
        XBool flag => $"""<c r="{reference}" t="b"><v>{(flag.Value ? 1 : 0)}</v></c>""",
        _ => "",
    };

    private static int Share(List<string> strings, string item)
    {
        strings.Add(item);
        return strings.Count - 1;
    }

    /// <summary>Days since Excel's epoch as a double, the way Excel stores a date-time (with its floating-point noise).</summary>
    private static double Serial(DateTime value, bool date1904) =>
        (value - (date1904 ? new DateTime(1904, 1, 1) : new DateTime(1899, 12, 30))).TotalDays;

    private static void Add(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
