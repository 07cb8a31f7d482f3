using System.Globalization;
using System.Text.Json;
using StrategicCities.Core.Forms;

namespace StrategicCities.Core.Tests.Forms;

/// <summary>
/// Pointer resolution and the <see cref="Form"/> helpers after the pointer cache and the string-free comparisons:
/// each case is checked against its expected answer and against the code they replaced (<see cref="Before"/>).
/// </summary>
[TestFixture]
public sealed class FormPointerTests
{
    private const string Json = """
        {
          "a/b": { "m~n": 1, "~1": "tilde-one", "/": "slash" },
          "list": [ { "x": "first" }, { "x": "second" } ],
          "0": "zero-member",
          "": { "": 5 },
          "blank": "   ",
          "tabs": "\t\n\r ",
          "nbsp": " \u2003 ",
          "rawNbsp": "   　",
          "escapedBlank": "\u0020\u0009",
          "escapedLetter": "\u0041",
          "padded": "  x  ",
          "accented": "è",
          "empty": "",
          "nothing": null,
          "yes": true,
          "count": 7,
          "big": 3000000000,
          "allegati": [
            { "tipo": "relazione-tecnica" },
            { "tipo": "procura\u002Dspeciale" },
            { "tipo": "perizia-è" },
            { "tipo": "elaborato-grafico-con-un-nome-molto-lungo-oltre-quarantadue-caratteri" },
            "not-an-object",
            { "tipo": 3 }
          ]
        }
        """;

    private static readonly string[] Pointers =
    [
        "", "/", "a", "/a~1b", "/a~1b/m~0n", "/a~1b/~01", "/a~1b/~1", "/a~1b/m~n", "/a~1b/m~1n", "list", "/list/0/x", "/list/1/x", "/list/01/x",
        "/list/2", "/list/-1", "/list/x", "/list/", "/0", "//", "/missing", "/missing/deeper", "/blank", "/tabs", "/nbsp",
        "/rawNbsp", "/escapedBlank", "/escapedLetter", "/padded", "/accented", "/empty", "/nothing", "/yes", "/count",
        "/big", "/allegati", "/yes/deeper", "/count/0",
    ];

    private JsonDocument _document = null!;
    private FormDocument _form = null!;

    [OneTimeSetUp]
    public void Setup()
    {
        _document = JsonDocument.Parse(Json);
        _form = new FormDocument(_document.RootElement, new DateOnly(2025, 6, 1), "015146");
    }

    [OneTimeTearDown]
    public void TearDown() => _document.Dispose();

    [TestCase("/a~1b/m~0n", "1")]
    [TestCase("/a~1b/~01", "\"tilde-one\"")]
    [TestCase("/a~1b/~1", "\"slash\"")]
    [TestCase("/list/1/x", "\"second\"")]
    [TestCase("/list/01/x", "\"second\"")]
    [TestCase("/0", "\"zero-member\"")]
    [TestCase("//", "5")]
    public void TryResolve_EscapesIndicesAndEmptyNames_FindsValue(string pointer, string expected)
    {
        // Twice: the second read comes from the cache.
        Assert.Multiple(() =>
        {
            for (var i = 0; i < 2; i++)
            {
                Assert.That(_form.TryResolve(pointer, out var value), Is.True);
                Assert.That(value.GetRawText(), Is.EqualTo(expected));
            }
        });
    }

    [TestCase("/missing")]
    [TestCase("/missing/deeper")]
    [TestCase("/list/2")]
    [TestCase("/list/-1")]
    [TestCase("/a~1b/m~1n")]
    [TestCase("/yes/deeper")]
    public void TryResolve_NothingThere_FalseAndDefault(string pointer)
    {
        Assert.Multiple(() =>
        {
            Assert.That(_form.TryResolve(pointer, out var value), Is.False);
            Assert.That(value.ValueKind, Is.EqualTo(JsonValueKind.Undefined));
        });
    }

    [Test]
    public void TryResolve_SameFirstSegmentOnArrayRoot_EachPointerAnswersForItself()
    {
        // The first segment's lookup is remembered per form: it must not carry over to another form or another name.
        using var array = JsonDocument.Parse("""[ { "x": 1, "y": 2 }, { "x": 3 } ]""");
        var form = new FormDocument(array.RootElement, new DateOnly(2025, 6, 1), "015146");

        Assert.Multiple(() =>
        {
            Assert.That(Form.Integer(form, "/1/x"), Is.EqualTo(3));
            Assert.That(Form.Integer(form, "/0/x"), Is.EqualTo(1));
            Assert.That(Form.Integer(form, "/0/y"), Is.EqualTo(2));
            Assert.That(Form.Has(form, "/1/y"), Is.False);
            Assert.That(Form.Has(form, "/2/x"), Is.False);
            Assert.That(Form.Has(form, "/2"), Is.False);
            Assert.That(Form.Has(_form, "/0"), Is.True, "the same first segment on another form names a member");
            Assert.That(Form.Has(_form, "/1"), Is.False);
            Assert.That(Form.Has(form, "/1"), Is.True);
        });
    }

    [Test]
    public void TryResolve_NoLeadingSlash_False() => Assert.That(_form.TryResolve("list", out _), Is.False);

    [Test]
    public void TryResolve_TildeNotAnEscape_ReadAsItIs() =>
        Assert.That(Form.Integer(_form, "/a~1b/m~n"), Is.EqualTo(1));

    [Test]
    public void TryResolve_ComputedPointer_SameAsLiteral()
    {
        // A pointer made at run time is another string instance with the same text.
        var computed = string.Join("/", "", "list", (1).ToString(CultureInfo.InvariantCulture), "x");

        Assert.Multiple(() =>
        {
            Assert.That(ReferenceEquals(computed, "/list/1/x"), Is.False);
            Assert.That(Form.Text(_form, computed), Is.EqualTo("second"));
            Assert.That(Form.Text(_form, "/list/1/x"), Is.EqualTo("second"));
        });
    }

    [Test]
    public void TryResolve_MorePointersThanTheCacheKeeps_StillResolvesAndCacheStaysBounded()
    {
        var found = 0;
        for (var i = 0; i < FormDocument.PointerCacheCapacity + 50; i++)
        {
            found += Form.Has(_form, "/computed-" + i.ToString(CultureInfo.InvariantCulture)) ? 1 : 0;
        }

        var late = string.Concat("/list/", "0/x");
        Assert.Multiple(() =>
        {
            Assert.That(found, Is.Zero);
            Assert.That(FormDocument.CachedPointerCount, Is.LessThanOrEqualTo(FormDocument.PointerCacheCapacity));
            Assert.That(Form.Text(_form, late), Is.EqualTo("first"), "past the bound, pointers are read as they are");
            Assert.That(Form.Text(_form, "/a~1b/~01"), Is.EqualTo("tilde-one"));
        });
    }

    [TestCase("/\ud800")]
    [TestCase("/list/\udc00")]
    [TestCase("/a~1b/\ud800x")]
    public void TryResolve_PointerNotValidUtf16_AnswersOrThrowsAsBefore(string escaped)
    {
        // Lone surrogates built at run time (attribute strings cannot carry them).
        var pointer = System.Text.RegularExpressions.Regex.Unescape(escaped);

        Assert.That(Outcome(() => _form.TryResolve(pointer, out _)),
            Is.EqualTo(Outcome(() => Before.TryResolve(_document.RootElement, pointer, out _))));
    }

    [Test]
    public void HasAttachment_TypeNotValidUtf16_False() =>
        Assert.That(Form.HasAttachment(_form, "perizia-" + (char)0xD800), Is.False);

    private static string Outcome(Func<bool> resolve)
    {
        try
        {
            return resolve().ToString();
        }
#pragma warning disable CA1031 // The exception's type is the outcome compared.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return ex.GetType().Name;
        }
    }

    [TestCase("/blank", false)]
    [TestCase("/tabs", false)]
    [TestCase("/nbsp", false)]
    [TestCase("/rawNbsp", false)]
    [TestCase("/escapedBlank", false)]
    [TestCase("/empty", false)]
    [TestCase("/nothing", false)]
    [TestCase("/escapedLetter", true)]
    [TestCase("/padded", true)]
    [TestCase("/accented", true)]
    [TestCase("/count", true)]
    [TestCase("/missing", false)]
    public void Has_StringOfWhiteSpaceOrNot_AnswersAsTrim(string pointer, bool expected) =>
        Assert.That(Form.Has(_form, pointer), Is.EqualTo(expected));

    [TestCase("relazione-tecnica", true)]
    [TestCase("procura-speciale", true)]
    [TestCase("perizia-è", true)]
    [TestCase("perizia-e", false)]
    [TestCase("elaborato-grafico-con-un-nome-molto-lungo-oltre-quarantadue-caratteri", true)]
    [TestCase("elaborato-grafico-con-un-nome-molto-lungo-oltre-quarantadue-caratter", false)]
    [TestCase("relazione-tecnic", false)]
    [TestCase("", false)]
    [TestCase(null, false)]
    public void HasAttachment_TypeListedOrNot_AnswersAsStringEquality(string? type, bool expected) =>
        Assert.That(Form.HasAttachment(_form, type!), Is.EqualTo(expected));

    [Test]
    public void Helpers_EveryPointerOfTheTable_AnswerAsBefore()
    {
        var differences = new List<string>();
        foreach (var pointer in Pointers)
        {
            var found = _form.TryResolve(pointer, out var value);
            var foundBefore = Before.TryResolve(_document.RootElement, pointer, out var valueBefore);
            Compare(pointer, "TryResolve", (found, found ? value.GetRawText() : null), (foundBefore, foundBefore ? valueBefore.GetRawText() : null));
            Compare(pointer, "Has", Form.Has(_form, pointer), Before.Has(_document.RootElement, pointer));
            Compare(pointer, "IsTrue", Form.IsTrue(_form, pointer), foundBefore && valueBefore.ValueKind == JsonValueKind.True);
            Compare(pointer, "Text", Form.Text(_form, pointer), foundBefore && valueBefore.ValueKind == JsonValueKind.String ? valueBefore.GetString() : "");
            Compare(pointer, "Integer", Form.Integer(_form, pointer),
                foundBefore && valueBefore.ValueKind == JsonValueKind.Number && valueBefore.TryGetInt32(out var n) ? n : 0);
            Compare(pointer, "Count", Form.Count(_form, pointer), foundBefore && valueBefore.ValueKind == JsonValueKind.Array ? valueBefore.GetArrayLength() : 0);
        }

        Assert.That(differences, Is.Empty);

        void Compare<T>(string pointer, string helper, T now, T before)
        {
            if (!EqualityComparer<T>.Default.Equals(now, before))
            {
                differences.Add($"{helper}({pointer}): {now} now, {before} before");
            }
        }
    }

    [Test]
    public void Helpers_ComparisonWithBefore_CanFail()
    {
        // The reference is a real second implementation: it tells a trimmed-away value from one with text.
        Assert.Multiple(() =>
        {
            Assert.That(Before.Has(_document.RootElement, "/blank"), Is.False);
            Assert.That(Before.Has(_document.RootElement, "/padded"), Is.True);
            Assert.That(Before.TryResolve(_document.RootElement, "/a~1b/~01", out var v) ? v.GetString() : null, Is.EqualTo("tilde-one"));
        });
    }

    /// <summary>Pointer resolution and <c>Has</c> as they were before the cache (copied), the reference for the comparison.</summary>
    private static class Before
    {
        public static bool Has(JsonElement root, string pointer)
        {
            if (!TryResolve(root, pointer, out var value))
            {
                return false;
            }

            return value.ValueKind switch
            {
                JsonValueKind.Null or JsonValueKind.Undefined => false,
                JsonValueKind.String => value.GetString()!.Trim().Length > 0,
                JsonValueKind.Array => value.GetArrayLength() > 0,
                _ => true,
            };
        }

        public static bool TryResolve(JsonElement root, string pointer, out JsonElement value)
        {
            value = root;
            if (string.IsNullOrEmpty(pointer) || pointer == "/")
            {
                return true;
            }

            if (pointer[0] != '/')
            {
                return false;
            }

            var rest = pointer.AsSpan(1);
            while (true)
            {
                var end = rest.IndexOf('/');
                var raw = end < 0 ? rest : rest[..end];
                var segment = raw.Contains('~') ? raw.ToString().Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal).AsSpan() : raw;
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
    }
}
