using System.IO.Compression;
using System.Xml;
using ActorSegments.Datasets.Csv;

namespace ActorSegments.Datasets.Sheets;

/// <summary>
/// Reads the first worksheet of an XLSX workbook (a zip of SpreadsheetML parts) as records, streaming its rows, so a
/// spreadsheet goes where a CSV goes (the UCI Online Retail download is one). Each cell reads as the text a CSV export
/// of the sheet would hold: text as written; numbers to Excel's 15 significant digits (a stored 2.5499999999999998 is
/// the 2.55 Excel shows); dates and times, numbers with a date style, as <c>yyyy-MM-dd HH:mm:ss</c>; booleans as
/// TRUE/FALSE. A record's line is the row number and a field's column the column number (A = 1).
/// </summary>
public sealed class XlsxReader : IRecordReader
{
    private readonly ZipArchive _archive;
    private readonly XlsxParts _parts;
    private readonly XmlReader _sheet;
    private int _width = -1;
    private long _row;

    private XlsxReader(ZipArchive archive)
    {
        _archive = archive;
        _parts = XlsxParts.Read(archive);
        _sheet = XlsxParts.OpenXml(archive.GetEntry(_parts.SheetPath) ?? throw new InvalidDataException($"the workbook names a worksheet at {_parts.SheetPath} that is not in the file"));
    }

    /// <summary>Opens the workbook in <paramref name="archive"/>, which the reader then owns.</summary>
    public static XlsxReader Open(ZipArchive archive)
    {
        ArgumentNullException.ThrowIfNull(archive);
        try
        {
            return new XlsxReader(archive);
        }
        catch (Exception ex) when (ex is XmlException or InvalidDataException)
        {
            archive.Dispose();
            throw new CsvFormatException($"Not a readable XLSX workbook: {ex.Message}", ex);
        }
    }

    public CsvRecord? Read()
    {
        try
        {
            while (!_sheet.EOF)
            {
                if (_sheet.NodeType == XmlNodeType.Element && _sheet.LocalName == "row")
                {
                    if (ReadRow() is { } record)
                    {
                        return record;
                    }
                }
                else
                {
                    _sheet.Read();
                }
            }

            return null;
        }
        catch (Exception ex) when (ex is XmlException or InvalidDataException)
        {
            // Not one bad row to set aside: the rest of the sheet cannot be read either.
            throw new CsvFormatException($"The worksheet {_parts.SheetPath} is damaged after row {_row}: {ex.Message}", ex);
        }
    }

    public void Dispose()
    {
        _sheet.Dispose();
        _archive.Dispose();
    }

    /// <summary>Reads the row the reader is at, through its end; null for a row with no text (skipped like a blank line).</summary>
    private CsvRecord? ReadRow()
    {
        _row = long.TryParse(_sheet.GetAttribute("r"), out var number) ? number : _row + 1;
        var cells = new SortedDictionary<int, string>();
        if (_sheet.IsEmptyElement)
        {
            _sheet.Read();
            return null;
        }

        var depth = _sheet.Depth;
        var column = 0;
        _sheet.Read();
        while (_sheet.Depth > depth)
        {
            if (_sheet.NodeType == XmlNodeType.Element && _sheet.LocalName == "c")
            {
                column = ColumnOf(_sheet.GetAttribute("r")) ?? column + 1;
                cells[column] = ReadCell(column);
                continue;
            }

            _sheet.Read();
        }

        _sheet.Read();
        if (cells.Values.All(string.IsNullOrEmpty))
        {
            return null;
        }

        // Empty cells are not stored: fill the gaps, and pad short rows to the header's width, as a CSV export would.
        var last = cells.Keys.Last(k => cells[k].Length > 0);
        if (_width < 0)
        {
            _width = last;
        }

        var fields = new CsvField[Math.Max(_width, last)];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = new CsvField(cells.GetValueOrDefault(i + 1, ""), _row, i + 1);
        }

        return new CsvRecord(_row, fields);
    }

    /// <summary>The text of the cell the reader is at (its value or inline string), through the cell's end.</summary>
    private string ReadCell(int column)
    {
        var type = _sheet.GetAttribute("t");
        var style = int.TryParse(_sheet.GetAttribute("s"), out var s) ? s : 0;
        string? value = null;
        string? inline = null;
        if (_sheet.IsEmptyElement)
        {
            _sheet.Read();
            return "";
        }

        var depth = _sheet.Depth;
        _sheet.Read();
        while (_sheet.Depth > depth)
        {
            if (_sheet.NodeType == XmlNodeType.Element && _sheet.LocalName == "v")
            {
                value = _sheet.ReadElementContentAsString();
            }
            else if (_sheet.NodeType == XmlNodeType.Element && _sheet.LocalName == "is")
            {
                inline = XlsxParts.ReadText(_sheet);
            }
            else
            {
                _sheet.Read();
            }
        }

        _sheet.Read();
        return type switch
        {
            "s" => Shared(value, column),
            "inlineStr" => inline ?? "",
            "b" => value == "1" ? "TRUE" : "FALSE",
            "str" or "e" or "d" => value ?? "",
            _ => value is null ? "" : XlsxValues.Number(value, style < _parts.DateStyles.Count && _parts.DateStyles[style], _parts.Date1904),
        };
    }

    private string Shared(string? index, int column) =>
        int.TryParse(index, out var i) && i >= 0 && i < _parts.SharedStrings.Count
            ? _parts.SharedStrings[i]
            : throw new CsvFormatException(new CsvProblem(_row, column, $"a shared-string index below {_parts.SharedStrings.Count}", $"'{index}'"));

    /// <summary>"C12" → 3; null when the reference is absent or malformed (the cell then follows the previous one).</summary>
    private static int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var column = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                column = (column * 26) + (c - 'A' + 1);
            }
            else
            {
                break;
            }
        }

        return column == 0 ? null : column;
    }
}
