using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using StrategicCities.Api.Problems;
using StrategicCities.Core;

namespace StrategicCities.Api.Http;

/// <summary>
/// Reads a request body as JSON text for Core, which does the validation: checks the media type,
/// enforces <c>Limits:MaxBodyBytes</c> while reading (never buffering more), and checks that the text
/// is UTF-8 JSON no deeper than <c>Limits:MaxJsonDepth</c>. Controllers take the text, not a bound
/// model, so Core sees exactly what the client sent.
/// </summary>
public sealed class JsonBody(IOptions<ApiLimits> limits)
{
    /// <summary>The body text, or the one error that prevents reading it.</summary>
    public async Task<(string? Text, InputError? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (utf8, error) = await ReadTextAsync(request, cancellationToken);
        error ??= CheckJson(utf8.Span, limits.Value.MaxJsonDepth);
        return error is null ? (Encoding.UTF8.GetString(utf8.Span), null) : (null, error);
    }

    /// <summary>
    /// The body parsed (the caller disposes the document), or the one error that prevents reading it. The text is
    /// read once on the happy path: the reader pass that explains a refusal (where the syntax breaks, how deep it
    /// nests) runs only when the parse fails.
    /// </summary>
    public async Task<(JsonDocument? Document, InputError? Error)> ReadDocumentAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (utf8, error) = await ReadTextAsync(request, cancellationToken);
        if (error is not null)
        {
            return (null, error);
        }

        var maxDepth = limits.Value.MaxJsonDepth;
        try
        {
            return (JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = maxDepth }), null);
        }
        catch (JsonException)
        {
            return (null, CheckJson(utf8.Span, maxDepth) ?? NotJson(null, null));
        }
    }

    /// <summary>The body as UTF-8 text (media type, size, encoding checked; byte order mark removed), not yet read as JSON.</summary>
    private async Task<(ReadOnlyMemory<byte> Utf8, InputError? Error)> ReadTextAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = limits.Value;
        if (UnsupportedMediaType(request.ContentType) is { } mediaTypeError)
        {
            return (default, mediaTypeError);
        }

        if (request.ContentLength > options.MaxBodyBytes)
        {
            return (default, TooLarge(options.MaxBodyBytes));
        }

        var (bytes, tooLarge) = await ReadLimitedAsync(request.Body, request.ContentLength, options.MaxBodyBytes, cancellationToken);
        if (tooLarge)
        {
            return (default, TooLarge(options.MaxBodyBytes));
        }

        var utf8 = bytes.AsMemory();
        if (utf8.Span.StartsWith(Encoding.UTF8.Preamble))
        {
            utf8 = utf8[Encoding.UTF8.Preamble.Length..];
        }

        if (utf8.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return (default, ProblemFactory.Error(ProblemCodes.BodyEmpty, "",
                "Il corpo della richiesta è vuoto: inviare un documento JSON.",
                "The request body is empty: send a JSON document."));
        }

        if (!System.Text.Unicode.Utf8.IsValid(utf8.Span))
        {
            return (default, ProblemFactory.Error(ProblemCodes.BodyNotJson, "",
                "Il testo non è codificato in UTF-8.",
                "The text is not encoded in UTF-8."));
        }

        return (utf8, null);
    }

    private static InputError? UnsupportedMediaType(string? contentType)
    {
        if (MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            && (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase))
            && (!mediaType.Charset.HasValue || mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var got = string.IsNullOrEmpty(contentType) ? "nessuno" : contentType;
        var gotEn = string.IsNullOrEmpty(contentType) ? "none" : contentType;
        return ProblemFactory.Error(ProblemCodes.UnsupportedMediaType, "/headers/content-type",
            $"Il corpo deve essere JSON in UTF-8 (Content-Type: application/json); ricevuto: {got}.",
            $"The body must be JSON in UTF-8 (Content-Type: application/json); got: {gotEn}.");
    }

    private static InputError TooLarge(long limit) => ProblemFactory.Error(ProblemCodes.BodyTooLarge, "",
        $"Il corpo della richiesta supera il limite di {limit.ToString(CultureInfo.InvariantCulture)} byte.",
        $"The request body exceeds the limit of {limit.ToString(CultureInfo.InvariantCulture)} bytes.");

    private static async Task<(byte[] Bytes, bool TooLarge)> ReadLimitedAsync(Stream body, long? declared, long limit, CancellationToken cancellationToken)
    {
        if (declared is > 0 and <= int.MaxValue)
        {
            // The usual case, a declared length (already checked against the limit): read straight into an array of
            // that size. A client that sends more than it declared falls back to the general loop below with what
            // it has read so far.
            var exact = new byte[(int)declared.Value];
            var filled = 0;
            int count;
            while (filled < exact.Length && (count = await body.ReadAsync(exact.AsMemory(filled), cancellationToken)) > 0)
            {
                filled += count;
            }

            if (filled < exact.Length)
            {
                return (exact[..filled], false);
            }

            var probe = new byte[1];
            if (await body.ReadAsync(probe, cancellationToken) == 0)
            {
                return (exact, false);
            }

            return await ReadRestAsync(body, [.. exact, probe[0]], limit, cancellationToken);
        }

        return await ReadRestAsync(body, [], limit, cancellationToken);
    }

    private static async Task<(byte[] Bytes, bool TooLarge)> ReadRestAsync(Stream body, byte[] start, long limit, CancellationToken cancellationToken)
    {
        if (start.Length > limit)
        {
            return ([], true);
        }

        // No declared length, or more than declared: the limit holds while reading.
        using var buffer = new MemoryStream();
        buffer.Write(start);
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk.AsMemory(), cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return ([], true);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return (buffer.ToArray(), false);
    }

    /// <summary>One pass of the reader: syntax, UTF-8 and depth (objects and arrays opened).</summary>
    private static InputError? CheckJson(ReadOnlySpan<byte> json, int maxDepth)
    {
        // The reader's own depth limit only has to exceed ours; ours is checked first and reported precisely.
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth + 2 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth + 1 > maxDepth)
                {
                    return ProblemFactory.Error(ProblemCodes.BodyTooDeep, "",
                        $"Il JSON è annidato oltre {maxDepth} livelli (riga {LineOf(json, reader.TokenStartIndex)}).",
                        $"The JSON nests deeper than {maxDepth} levels (line {LineOf(json, reader.TokenStartIndex)}).");
                }
            }

            return null;
        }
        catch (JsonException ex)
        {
            return NotJson(ex.LineNumber, ex.BytePositionInLine);
        }
    }

    private static InputError NotJson(long? line, long? position) => line is null
        ? ProblemFactory.Error(ProblemCodes.BodyNotJson, "", "Il testo non è JSON valido.", "The text is not valid JSON.")
        : ProblemFactory.Error(ProblemCodes.BodyNotJson, "",
            $"Il testo non è JSON valido (riga {line + 1}, posizione {(position ?? 0) + 1}).",
            $"The text is not valid JSON (line {line + 1}, position {(position ?? 0) + 1}).");

    private static int LineOf(ReadOnlySpan<byte> json, long index) =>
        json[..(int)Math.Min(index, json.Length)].Count((byte)'\n') + 1;
}
