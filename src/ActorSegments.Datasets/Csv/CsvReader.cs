using System.Text;

namespace ActorSegments.Datasets.Csv;

/// <summary>
/// Streaming RFC 4180 reader: comma-separated, fields optionally in double quotes, a quote inside a quoted field
/// doubled, quoted fields may span lines (read back with '\n'). Lines end in LF or CRLF. Blank lines are skipped.
/// </summary>
/// <remarks>
/// Strict on quotes, because a stray quote usually means a field boundary was lost and silently accepting it shifts
/// every later column. After a <see cref="CsvFormatException"/> the offending line is consumed, so a caller that
/// sets bad rows aside can keep reading from the next line.
/// </remarks>
public sealed class CsvReader(TextReader reader) : IRecordReader
{
    private readonly StringBuilder _quoted = new();
    private long _line;
    private int _lastCount = 8;

    /// <summary>The next record, or null at the end of the input.</summary>
    public CsvRecord? Read()
    {
        string? text;
        do
        {
            text = reader.ReadLine();
            if (text is null)
            {
                return null;
            }

            _line++;
        }
        while (text.Length == 0);

        var start = _line;
        var fields = new List<CsvField>(_lastCount);
        var pos = 0;
        while (true)
        {
            if (pos < text.Length && text[pos] == '"')
            {
                (text, pos) = ReadQuoted(text, pos, fields);
                if (pos == text.Length)
                {
                    break;
                }

                if (text[pos] != ',')
                {
                    throw new CsvFormatException(new CsvProblem(_line, pos + 1, "',' or the end of the line after a closing quote", $"'{text[pos]}'"));
                }
            }
            else
            {
                var comma = text.IndexOf(',', pos);
                var end = comma < 0 ? text.Length : comma;
                var stray = text.IndexOf('"', pos, end - pos);
                if (stray >= 0)
                {
                    throw new CsvFormatException(new CsvProblem(_line, stray + 1, "no '\"' inside an unquoted field (quote the whole field and double the quote)"));
                }

                fields.Add(new CsvField(text[pos..end], _line, pos + 1));
                pos = end;
                if (comma < 0)
                {
                    break;
                }
            }

            pos++;
        }

        _lastCount = fields.Count;
        return new CsvRecord(start, fields);
    }

    /// <summary>All remaining records, read one at a time as the caller enumerates.</summary>
    public IEnumerable<CsvRecord> ReadAll()
    {
        while (Read() is { } record)
        {
            yield return record;
        }
    }

    public void Dispose() => reader.Dispose();

    /// <summary>Reads a quoted field opening at <paramref name="open"/>; returns the line it ends on and the position after its closing quote.</summary>
    private (string Text, int Pos) ReadQuoted(string text, int open, List<CsvField> fields)
    {
        var line = _line;
        _quoted.Clear();
        var pos = open + 1;
        while (true)
        {
            var quote = text.IndexOf('"', pos);
            if (quote < 0)
            {
                _quoted.Append(text, pos, text.Length - pos);
                text = reader.ReadLine()
                    ?? throw new CsvFormatException(new CsvProblem(line, open + 1, "a closing quote for the field opened here", "the end of the input"));
                _line++;
                _quoted.Append('\n');
                pos = 0;
                continue;
            }

            _quoted.Append(text, pos, quote - pos);
            if (quote + 1 < text.Length && text[quote + 1] == '"')
            {
                _quoted.Append('"');
                pos = quote + 2;
                continue;
            }

            fields.Add(new CsvField(_quoted.ToString(), line, open + 1));
            return (text, quote + 1);
        }
    }
}
