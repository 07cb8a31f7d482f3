using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
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
        var (utf8, rented, error) = await ReadTextAsync(request, cancellationToken);
        try
        {
            error ??= CheckJson(utf8.Span, limits.Value.MaxJsonDepth);
            return error is null ? (Encoding.UTF8.GetString(utf8.Span), null) : (null, error);
        }
        finally
        {
            Return(rented);
        }
    }

    /// <summary>
    /// The body parsed (the caller disposes the document), or the one error that prevents reading it. The text is
    /// read once on the happy path: the reader pass that explains a refusal (where the syntax breaks, how deep it
    /// nests) runs only when the parse fails.
    /// </summary>
    public async Task<(JsonDocument? Document, InputError? Error)> ReadDocumentAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (utf8, rented, error) = await ReadTextAsync(request, cancellationToken);
        try
        {
            if (error is not null)
            {
                return (null, error);
            }

            var maxDepth = limits.Value.MaxJsonDepth;
            try
            {
                // From a stream, the document copies the text into a buffer of its own from the shared pool and gives
                // it back when disposed; so the body's buffer goes back to the pool now, and no request allocates its
                // body (copying a form's few kilobytes costs less than the garbage collections the arrays caused).
                var segment = MemoryMarshal.TryGetArray(utf8, out var array) ? array : new ArraySegment<byte>(utf8.ToArray());
                using var stream = new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false);
                return (JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = maxDepth }), null);
            }
            catch (JsonException)
            {
                return (null, CheckJson(utf8.Span, maxDepth) ?? NotJson(null, null));
            }
        }
        finally
        {
            Return(rented);
        }
    }

    private static void Return(byte[]? rented)
    {
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The body as UTF-8 text (media type, size, encoding checked; byte order mark removed), not yet read as JSON.</summary>
    /// <remarks>The text may lie in an array rented from the shared pool, which the caller returns (<c>Rented</c>).</remarks>
    private async Task<(ReadOnlyMemory<byte> Utf8, byte[]? Rented, InputError? Error)> ReadTextAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = limits.Value;
        if (UnsupportedMediaType(request.ContentType) is { } mediaTypeError)
        {
            return (default, null, mediaTypeError);
        }

        if (request.ContentLength > options.MaxBodyBytes)
        {
            return (default, null, TooLarge(options.MaxBodyBytes));
        }

        var (bytes, length, rented, tooLarge) = await ReadLimitedAsync(request.Body, request.ContentLength, options.MaxBodyBytes, cancellationToken);
        if (tooLarge)
        {
            return (default, null, TooLarge(options.MaxBodyBytes));
        }

        var utf8 = bytes.AsMemory(0, length);
        if (utf8.Span.StartsWith(Encoding.UTF8.Preamble))
        {
            utf8 = utf8[Encoding.UTF8.Preamble.Length..];
        }

        InputError? error = null;
        if (utf8.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            error = ProblemFactory.Error(ProblemCodes.BodyEmpty, "",
                "Il corpo della richiesta è vuoto: inviare un documento JSON.",
                "The request body is empty: send a JSON document.");
        }
        else if (!System.Text.Unicode.Utf8.IsValid(utf8.Span))
        {
            error = ProblemFactory.Error(ProblemCodes.BodyNotJson, "",
                "Il testo non è codificato in UTF-8.",
                "The text is not encoded in UTF-8.");
        }

        if (error is not null)
        {
            Return(rented ? bytes : null);
            return (default, null, error);
        }

        return (utf8, rented ? bytes : null, null);
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

    /// <summary>The body, at most <paramref name="limit"/> bytes; a body of declared length in an array rented from the shared pool.</summary>
    private static async Task<(byte[] Bytes, int Length, bool Rented, bool TooLarge)> ReadLimitedAsync(
        Stream body, long? declared, long limit, CancellationToken cancellationToken)
    {
        if (declared is > 0 and <= int.MaxValue)
        {
            // The usual case, a declared length (already checked against the limit): read straight into an array of
            // at least that size. A client that sends more than it declared falls back to the general loop below with
            // what it has read so far.
            var size = (int)declared.Value;
            var exact = ArrayPool<byte>.Shared.Rent(size + 1);
            var filled = 0;
            int count;
            while (filled <= size && (count = await body.ReadAsync(exact.AsMemory(filled, size + 1 - filled), cancellationToken)) > 0)
            {
                filled += count;
            }

            if (filled <= size)
            {
                return (exact, filled, true, false);
            }

            var start = exact[..filled];
            ArrayPool<byte>.Shared.Return(exact);
            var (rest, tooLarge) = await ReadRestAsync(body, start, limit, cancellationToken);
            return (rest, rest.Length, false, tooLarge);
        }

        var (bytes, over) = await ReadRestAsync(body, [], limit, cancellationToken);
        return (bytes, bytes.Length, false, over);
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
