using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace StrategicCities.Api.Http;

/// <summary>
/// A 200 answer written as JSON straight into the response's pipe, in one synchronous pass: what <c>Ok(value)</c>
/// writes, byte for byte, with the same serializer options, without the output-formatter machinery (formatter
/// selection, the serializer's asynchronous resumable writing and its flushes), a visible share of the validate
/// endpoint's CPU for a report of a few kilobytes. The body is small enough to stay in the pipe's buffer until the
/// request ends, when the server sends it at once.
/// </summary>
/// <typeparam name="T">The answer's type.</typeparam>
public sealed class JsonBodyResult<T>(T value, JsonTypeInfo<T> typeInfo) : IActionResult
{
    /// <summary>Media type of the answer.</summary>
    public const string ContentType = "application/json; charset=utf-8";

    /// <summary>The value written.</summary>
    public T Value { get; } = value;

    /// <inheritdoc />
    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        var options = typeInfo.Options;
        using var writer = new Utf8JsonWriter(response.BodyWriter, new JsonWriterOptions
        {
            Encoder = options.Encoder,
            Indented = options.WriteIndented,
            MaxDepth = options.MaxDepth,
            SkipValidation = true,
        });
        JsonSerializer.Serialize(writer, Value, typeInfo);
        return Task.CompletedTask;
    }
}
