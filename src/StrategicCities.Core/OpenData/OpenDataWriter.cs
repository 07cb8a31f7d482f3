using System.Globalization;
using System.Text;
using System.Text.Json;

namespace StrategicCities.Core.OpenData;

/// <summary>
/// Writes open-data rows to a stream as they arrive (never holding them all): CSV per RFC 4180 (UTF-8 without BOM,
/// CRLF line ends, a header row, fields quoted only when they contain a comma, quote, CR or LF, quotes doubled;
/// empty field for null; dates yyyy-MM-dd; booleans true/false) or a JSON array (one object per line, nulls written).
/// </summary>
public static class OpenDataWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes every row of <paramref name="rows"/>; returns how many.</summary>
    public static async Task<long> WriteAsync(
        IAsyncEnumerable<OpenDataRow> rows, OpenDataFormat format, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(output);
        return format == OpenDataFormat.Csv
            ? await WriteCsvAsync(rows, output, cancellationToken)
            : await WriteJsonAsync(rows, output, cancellationToken);
    }

    /// <summary>One CSV field, quoted when RFC 4180 requires it.</summary>
    public static string CsvField(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>The values of a row, as text, in <see cref="OpenDataRow.Columns"/> order (null for empty).</summary>
    public static string?[] Values(OpenDataRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return
        [
            row.Regime, row.MunicipalityIstat, Date(row.FiledOn), Date(row.DecidedOn), row.Outcome,
            row.DaysTaken?.ToString(CultureInfo.InvariantCulture), row.WithinTerm is { } w ? (w ? "true" : "false") : null,
            row.InterventionCategory, row.State, row.IntegrationRequests?.ToString(CultureInfo.InvariantCulture),
            row.IntegrationDays?.ToString(CultureInfo.InvariantCulture),
        ];
    }

    private static async Task<long> WriteCsvAsync(IAsyncEnumerable<OpenDataRow> rows, Stream output, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, Utf8NoBom, bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(string.Join(',', OpenDataRow.Columns.Select(CsvField)));
        long count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(string.Join(',', Values(row).Select(CsvField)));
            count++;
        }

        await writer.FlushAsync(cancellationToken);
        return count;
    }

    private static async Task<long> WriteJsonAsync(IAsyncEnumerable<OpenDataRow> rows, Stream output, CancellationToken cancellationToken)
    {
        var newline = "\n"u8.ToArray();
        long count = 0;
        await output.WriteAsync("["u8.ToArray(), cancellationToken);
        using var buffer = new MemoryStream();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            buffer.SetLength(0);
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("regime", row.Regime);
                json.WriteString("municipality_istat", row.MunicipalityIstat);
                json.WriteString("filed_on", Date(row.FiledOn));
                json.WriteString("decided_on", Date(row.DecidedOn));
                json.WriteString("outcome", row.Outcome);
                WriteNumber(json, "days_taken", row.DaysTaken);
                if (row.WithinTerm is { } within)
                {
                    json.WriteBoolean("within_term", within);
                }
                else
                {
                    json.WriteNull("within_term");
                }

                json.WriteString("intervention_category", row.InterventionCategory);
                json.WriteString("state", row.State);
                WriteNumber(json, "integration_requests", row.IntegrationRequests);
                WriteNumber(json, "integration_days", row.IntegrationDays);
                json.WriteEndObject();
            }

            await output.WriteAsync(count == 0 ? newline : ",\n"u8.ToArray(), cancellationToken);
            await output.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
            count++;
        }

        await output.WriteAsync("\n]\n"u8.ToArray(), cancellationToken);
        await output.FlushAsync(cancellationToken);
        return count;
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
