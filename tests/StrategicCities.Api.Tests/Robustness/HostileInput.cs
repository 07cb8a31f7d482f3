using System.Globalization;
using System.Text;
using CsCheck;

namespace StrategicCities.Api.Tests.Robustness;

/// <summary>
/// Generators of hostile input: JSON bodies (huge and malformed numbers, deep nesting, wrong types, unicode, nulls,
/// truncated text), query values and header values. The interesting values are the ones that broke this service or
/// others like it (overflowing integers, lone surrogates, NUL, invalid percent escapes, weak or malformed ETags).
/// </summary>
internal static class HostileInput
{
    /// <summary>Numbers as JSON text: out of every .NET integer range, exponent overflow, negative zero, fractions.</summary>
    public static readonly Gen<string> Number = Gen.OneOf(
        Gen.OneOf(
            "9223372036854775808", "-9223372036854775809", "18446744073709551616", "2147483648", "-2147483649",
            "123456789012345678901234567890123456789", "1e400", "-1e400", "1e-400", "-0", "0.0", "1.5", "4.9e-324",
            "1.7976931348623157e308", "0", "1", "-1", "3", "9", "100000"),
        Gen.Long.Select(v => v.ToString(CultureInfo.InvariantCulture)),
        Gen.Double.Where(double.IsFinite).Select(v => v.ToString("R", CultureInfo.InvariantCulture)),
        Gen.Int[1, 400].Select(n => new string('9', n)));

    /// <summary>Strings as JSON text (quoted, escaped): codes the API knows, unicode, control characters, lone surrogates.</summary>
    public static readonly Gen<string> JsonString = Gen.OneOf(
        Gen.OneOf(
            "\"015146\"", "\"058091\"", "\"999999\"", "\"15146\"", "\"\"", "\" \"", "\"scia\"", "\"cila\"", "\"permesso-di-costruire\"",
            "\"nuova-costruzione\"", "\"2025-03-01\"", "\"2025-02-30\"", "\"0001-01-01\"", "\"9999-12-31\"", "\"\\u0000\"",
            "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"ß€😀\u202e\"", "\"' OR 1=1 --\"", "\"<script>alert(1)</script>\"",
            "\"../../etc/passwd\"", "\"%00\"", "\"\\\"\"", "\"NaN\"", "\"Infinity\""),
        Text.Select(Quote),
        Gen.Int[1000, 70000].Select(n => "\"" + new string('x', n) + "\""));

    /// <summary>Any JSON value, nesting up to <paramref name="depth"/> levels, with the property names the API reads.</summary>
    public static Gen<string> JsonValue(int depth) =>
        Gen.Int[0, 9].SelectMany(k => depth <= 0 || k < 3 || k > 7 ? Scalar : k < 6 ? JsonObject(depth - 1) : JsonArray(depth - 1));

    /// <summary>A JSON object whose members are mostly the API's own property names with values of any type.</summary>
    public static Gen<string> JsonObject(int depth) =>
        Gen.Select(PropertyName, Gen.Int[0, 9].SelectMany(_ => JsonValue(depth))).Array[0, 6]
            .Select(members => "{" + string.Join(",", members.Select(m => Quote(m.Item1) + ":" + m.Item2)) + "}");

    /// <summary>A body: a JSON value, an object of known names, a deep nest, truncated or non-JSON text, or nothing.</summary>
    public static readonly Gen<string> Body = Gen.Frequency(
        (6, Gen.Int[0, 1].SelectMany(_ => JsonObject(3))),
        (3, Gen.Int[0, 1].SelectMany(_ => JsonValue(4))),
        (2, Gen.Int[20, 3000].Select(n => new string('[', n) + new string(']', n))),
        (2, Gen.Int[20, 400].Select(n => string.Concat(Enumerable.Repeat("{\"intervento\":", n)) + "1" + new string('}', n))),
        (2, Gen.Int[0, 1].SelectMany(_ => JsonObject(2)).SelectMany(json => Gen.Int[0, json.Length].Select(cut => json[..cut]))),
        (1, Gen.OneOf("", " ", "null", "nul", "{", "}", "[", "\"", "{\"a\":1,}", "{'a':1}", "\uFEFF{}", "{\"a\":1}{\"b\":2}", "<x/>", "a=b&c=d")),
        (1, Text));

    /// <summary>A query value (before escaping): valid values, out-of-range numbers, malformed dates, unicode, long text.</summary>
    public static readonly Gen<string> QueryValue = Gen.OneOf(
        Gen.OneOf(
            "015146", "058091", "999999", "abc", "", " ", "scia", "cila", "permesso-di-costruire", "in-istruttoria", "presentata",
            "2025-03-01", "2025-02-30", "20250301", "1", "0", "-1", "10000", "10001", "500", "501", "2147483647", "2147483648",
            "99999999999999999999", "1e9", "NaN", "municipality,regime,month", "month", "office", ",,,", "dot", "mermaid",
            "true", "false", "00000000-0000-0000-0000-000000000000", "\0", "😀", "\u202e", "' OR 1=1 --"),
        Number,
        Text,
        Gen.Int[200, 9000].Select(n => new string('7', n)));

    /// <summary>A query parameter name: the ones the routes read, case variants, and unknown ones.</summary>
    public static readonly Gen<string> QueryName = Gen.OneOf(
        Gen.OneOf(
            "municipality", "date", "regime", "state", "page", "pageSize", "office", "from", "to", "groupBy", "format", "dryRun",
            "Municipality", "PAGE", "page[]", "municipality[0]", "", "%ZZ", "a b"),
        Text);

    /// <summary>A query string ("" or "?…"), sometimes with raw, invalid percent escapes and repeated names.</summary>
    public static readonly Gen<string> Query = Gen.Frequency(
        (2, Gen.Const("")),
        (5, Pairs(1, 6).Select(pairs => "?" + pairs)),
        // A well-formed municipality and date get past the query checks to the body's, with hostile extras beside them.
        (5, Gen.Select(Gen.OneOf("?municipality=015146&date=2025-03-01", "?municipality=058091", "?municipality=015146&date=2016-01-01"), Pairs(0, 2))
            .Select(t => t.Item2.Length == 0 ? t.Item1 : t.Item1 + "&" + t.Item2)),
        (1, Gen.OneOf("?%ZZ=1", "?page=%", "?municipality=%C3%28", "?&&&", "?=", "?page=1&page=2", "?municipality=015146&municipality=015146",
            "?date=%00", "?a=%E0%80%80", "?groupBy=%2C%2C")));

    /// <summary>An If-Match value: strong and weak tags, wildcards, lists, unquoted and malformed tags.</summary>
    public static readonly Gen<string?> IfMatch = Gen.OneOf<string?>(
        Gen.OneOf<string?>(null, "*", "\"1\"", "W/\"1\"", "\"0\"", "1", "\"\"", "\"-1\"", "\"9223372036854775808\"", "\"1\", \"2\"",
            "\"abc\"", "W/", "\"", "*, \"1\"", " \"2\" "),
        Gen.Long.Select(v => (string?)("\"" + v.ToString(CultureInfo.InvariantCulture) + "\"")),
        AsciiText.Select(s => (string?)s));

    /// <summary>An Idempotency-Key value: absent, empty, repeated keys, over the 200-character limit, odd characters.</summary>
    public static readonly Gen<string?> IdempotencyKey = Gen.OneOf<string?>(
        Gen.OneOf<string?>(null, "", " ", "k1", "k2", "retry-me", new string('k', 200), new string('k', 201), "a,b", "\"quoted\""),
        Gen.Int[1, 3000].Select(n => (string?)new string('i', n)),
        AsciiText.Select(s => (string?)s));

    /// <summary>A Content-Type value.</summary>
    public static readonly Gen<string?> ContentType = Gen.Frequency(
        (8, Gen.Const<string?>("application/json")),
        (3, Gen.OneOf<string?>(null, "text/plain", "application/json; charset=utf-16", "application/json; charset=nope",
            "application/merge-patch+json", "application/x-www-form-urlencoded", "multipart/form-data", "application/problem+json", "*/*")));

    /// <summary>An Accept-Language value.</summary>
    public static readonly Gen<string?> AcceptLanguage = Gen.OneOf<string?>(null, "it", "en", "en-GB,en;q=0.9", "de", "*", "it;q=abc", "x-klingon", ";;;");

    /// <summary>Any text: letters, digits, punctuation, controls, astral and bidi characters, lone surrogates.</summary>
    private static Gen<string> Text => Gen.Char.Array[0, 40].Select(chars => new string(chars));

    /// <summary>Printable ASCII (header values HttpClient accepts).</summary>
    private static Gen<string> AsciiText => Gen.Char[' ', '~'].Array[0, 60].Select(chars => new string(chars));

    private static readonly Gen<string> Scalar = Gen.Frequency(
        (2, Gen.Const("null")),
        (1, Gen.OneOf("true", "false")),
        (4, Number),
        (4, JsonString));

    private static readonly Gen<string> PropertyName = Gen.Frequency(
        (8, Gen.OneOf(
            "municipality", "regime", "category", "seismicZone", "intervento", "categoria", "data", "reason", "dryRun", "note",
            "attachments", "date", "richiedente", "immobile", "titolo", "superficie", "altezza", "$schema", "__proto__", "")),
        (1, Text));

    private static Gen<string> JsonArray(int depth) =>
        Gen.Int[0, 9].SelectMany(_ => JsonValue(depth)).Array[0, 5].Select(items => "[" + string.Join(",", items) + "]");

    private static Gen<string> Pairs(int min, int max) =>
        Gen.Select(QueryName, QueryValue).Array[min, max].Select(pairs => string.Join("&", pairs.Select(p => Escape(p.Item1) + "=" + Escape(p.Item2))));

    /// <summary>Percent-encoded UTF-8 (a lone surrogate has no UTF-8 form: it becomes U+FFFD, as a browser would send it).</summary>
    public static string Escape(string text) =>
        Uri.EscapeDataString(new string(text.Select(c => char.IsSurrogate(c) ? '\uFFFD' : c).ToArray()));

    /// <summary>A JSON string literal of <paramref name="text"/> (lone surrogates escaped as \uXXXX, as a hostile client would send).</summary>
    private static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (c < ' ' || char.IsSurrogate(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('"').ToString();
    }
}
