using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace StrategicCities.Core.Forms;

/// <summary>
/// A submitted form as the rule expressions see it: the parsed JSON plus the legal date and municipality
/// it is judged for. Immutable; expressions read it only through the pure helpers of <see cref="Form"/>.
/// </summary>
public sealed class FormDocument
{
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    /// <summary>Wraps an already parsed form.</summary>
    public FormDocument(JsonElement root, DateOnly legalDate, string municipality)
    {
        Root = root;
        LegalDate = legalDate;
        Municipality = municipality;
    }

    /// <summary>An empty form (used to compile and warm up the expressions).</summary>
    public static FormDocument Empty { get; } = new(EmptyObject, new DateOnly(2025, 1, 1), "015146");

    /// <summary>The form's JSON.</summary>
    public JsonElement Root { get; }

    /// <summary>The legal reference date (the filing date).</summary>
    public DateOnly LegalDate { get; }

    /// <summary>ISTAT code of the municipality the form is filed with.</summary>
    public string Municipality { get; }

    /// <summary>Resolves an RFC 6901 JSON pointer ("" or "/" is the whole form); false when nothing is there.</summary>
    public bool TryResolve(string pointer, out JsonElement value)
    {
        value = Root;
        if (string.IsNullOrEmpty(pointer) || pointer == "/")
        {
            return true;
        }

        if (pointer[0] != '/')
        {
            return false;
        }

        var segments = PointerCache.Get(pointer);
        return segments is null ? TryResolveSlow(pointer, ref value) : TryResolve(segments, ref value);
    }

    private static bool TryResolve(PointerSegment[] segments, ref JsonElement value)
    {
        foreach (var segment in segments)
        {
            if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty(segment.Utf8Name, out var next))
            {
                value = next;
            }
            else if (value.ValueKind == JsonValueKind.Array && segment.Index >= 0 && segment.Index < value.GetArrayLength())
            {
                value = value[segment.Index];
            }
            else
            {
                value = default;
                return false;
            }
        }

        return true;
    }

    // The pointer read as it is, for pointers the cache does not keep: allocates only for a segment with an escape.
    private static bool TryResolveSlow(string pointer, ref JsonElement value)
    {
        var rest = pointer.AsSpan(1);
        while (true)
        {
            var end = rest.IndexOf('/');
            var raw = end < 0 ? rest : rest[..end];
            var segment = raw.Contains('~') ? Unescape(raw).AsSpan() : raw;
            if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty(segment, out var next))
            {
                value = next;
            }
            else if (value.ValueKind == JsonValueKind.Array
                && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index < value.GetArrayLength())
            {
                value = value[index];
            }
            else
            {
                value = default;
                return false;
            }

            if (end < 0)
            {
                break;
            }

            rest = rest[(end + 1)..];
        }

        return true;
    }

    private static string Unescape(ReadOnlySpan<char> raw) =>
        raw.ToString().Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    /// <summary>One reference token of a pointer, ready for lookups: its name in UTF-8 and, if it reads as one, its array index (else -1).</summary>
    private sealed record PointerSegment(byte[] Utf8Name, int Index);

    /// <summary>
    /// Pointers split and encoded once. Rule expressions resolve the same literal pointers on every form, and
    /// splitting them and transcoding each name to UTF-8 for TryGetProperty was most of a lookup's cost. The
    /// literals come from the rule files, so they are few; a pointer computed at run time could be anything, so
    /// the cache stops growing at <see cref="Capacity"/> and further pointers are read as they are, as before.
    /// </summary>
    private static class PointerCache
    {
        internal const int Capacity = 4096;

        // Strict, as TryGetProperty's own transcoding is: a name that is not valid UTF-16 stays on the slow path,
        // which fails for it exactly as it did.
        private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        private static readonly ConcurrentDictionary<string, PointerSegment[]?> Cache = new(StringComparer.Ordinal);
        private static int _count;

        /// <summary>The segments of a pointer that starts with '/', or null when it is read as it is.</summary>
        internal static PointerSegment[]? Get(string pointer)
        {
            if (Cache.TryGetValue(pointer, out var segments))
            {
                return segments;
            }

            // A counter, not Cache.Count (which takes every lock of the dictionary): past the bound, every miss checks it,
            // and the pointer is read as it is (no parse to throw away).
            if (Volatile.Read(ref _count) >= Capacity)
            {
                return null;
            }

            segments = Parse(pointer);
            if (Cache.TryAdd(pointer, segments))
            {
                Interlocked.Increment(ref _count);
            }

            return segments;
        }

        internal static int Count => Volatile.Read(ref _count);

        private static PointerSegment[]? Parse(string pointer)
        {
            var raws = pointer[1..].Split('/');
            var segments = new PointerSegment[raws.Length];
            for (var i = 0; i < raws.Length; i++)
            {
                var name = raws[i].Contains('~', StringComparison.Ordinal) ? Unescape(raws[i]) : raws[i];
                byte[] utf8;
                try
                {
                    utf8 = Strict.GetBytes(name);
                }
                catch (EncoderFallbackException)
                {
                    return null;
                }

                segments[i] = new PointerSegment(
                    utf8, int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : -1);
            }

            return segments;
        }
    }

    /// <summary>Pointers kept by the cache of parsed pointers (for tests of its bound).</summary>
    internal static int CachedPointerCount => PointerCache.Count;

    /// <summary>Most pointers the cache keeps.</summary>
    internal const int PointerCacheCapacity = PointerCache.Capacity;
}
