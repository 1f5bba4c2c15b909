namespace ActorSegments.Datasets.Csv;

/// <summary>
/// Records of a table one at a time, whatever the file: a CSV (<see cref="CsvReader"/>) or the first worksheet of an
/// XLSX workbook (<see cref="Sheets.XlsxReader"/>). Blank rows are skipped; the first record is the header.
/// </summary>
public interface IRecordReader : IDisposable
{
    /// <summary>The next record, or null at the end of the input.</summary>
    CsvRecord? Read();
}
