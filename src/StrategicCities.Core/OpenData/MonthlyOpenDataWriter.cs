using System.Globalization;
using System.Text;
using System.Text.Json;

namespace StrategicCities.Core.OpenData;

/// <summary>
/// Writes the monthly open data as it is aggregated (never holding it all). CSV as <see cref="OpenDataWriter"/>
/// (RFC 4180, UTF-8 without BOM, CRLF, header row, empty field for null); JSON as one object that states the licence
/// and the suppression rule beside the <c>rows</c> array (one object per line), so the file carries its terms with it.
/// </summary>
public static class MonthlyOpenDataWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes every row of <paramref name="rows"/>; returns how many.</summary>
    public static async Task<long> WriteAsync(
        IAsyncEnumerable<MonthlyOpenDataRow> rows, OpenDataFormat format, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(output);
        return format == OpenDataFormat.Csv
            ? await WriteCsvAsync(rows, output, cancellationToken)
            : await WriteJsonAsync(rows, output, cancellationToken);
    }

    /// <summary>The values of a row, as text, in <see cref="MonthlyOpenDataRow.Columns"/> order (null for empty).</summary>
    public static string?[] Values(MonthlyOpenDataRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return
        [
            row.Month, row.MunicipalityIstat, row.Regime, row.InterventionCategory, Number(row.Filed), Number(row.Decided),
            Number(row.ExpressDecisions), Number(row.WithinTerm), Number(row.TacitOutcomes), Number(row.IntegrationRequests),
            row.MedianDaysTaken?.ToString("0.#", CultureInfo.InvariantCulture),
        ];
    }

    private static async Task<long> WriteCsvAsync(IAsyncEnumerable<MonthlyOpenDataRow> rows, Stream output, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, Utf8NoBom, bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(string.Join(',', MonthlyOpenDataRow.Columns.Select(OpenDataWriter.CsvField)));
        long count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(string.Join(',', Values(row).Select(OpenDataWriter.CsvField)));
            count++;
        }

        await writer.FlushAsync(cancellationToken);
        return count;
    }

    private static async Task<long> WriteJsonAsync(IAsyncEnumerable<MonthlyOpenDataRow> rows, Stream output, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var head = new Utf8JsonWriter(buffer))
        {
            head.WriteStartObject();
            head.WriteString("license", OpenDataLicence.Url);
            head.WriteString("licenseId", OpenDataLicence.Id);
            head.WriteString("licenseName", OpenDataLicence.Name);
            head.WriteNumber("minimumCell", MonthlyAggregation.MinimumCell);
            head.WriteString("suppression",
                $"Cells (month, municipality, regime, category) with fewer than {MonthlyAggregation.MinimumCell} applications are merged into "
                + $"'{MonthlyAggregation.OtherCategories}', and suppressed when the merged cell is still smaller.");
            head.WriteEndObject();
        }

        // The head object, left open for the rows member.
        await output.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length - 1), cancellationToken);
        await output.WriteAsync(",\"rows\":["u8.ToArray(), cancellationToken);
        long count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            buffer.SetLength(0);
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                var values = Values(row);
                for (var i = 0; i < values.Length; i++)
                {
                    var name = MonthlyOpenDataRow.Columns[i];
                    if (values[i] is null)
                    {
                        json.WriteNull(name);
                    }
                    else if (i >= 4) // from "filed" on, the columns are numbers
                    {
                        json.WriteNumber(name, decimal.Parse(values[i]!, CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        json.WriteString(name, values[i]);
                    }
                }

                json.WriteEndObject();
            }

            await output.WriteAsync(count == 0 ? "\n"u8.ToArray() : ",\n"u8.ToArray(), cancellationToken);
            await output.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
            count++;
        }

        await output.WriteAsync("\n]}\n"u8.ToArray(), cancellationToken);
        await output.FlushAsync(cancellationToken);
        return count;
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
