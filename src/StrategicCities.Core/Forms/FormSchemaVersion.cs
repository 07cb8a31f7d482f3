using System.Text.Json.Nodes;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Forms;

/// <summary>
/// One version of a national form schema (<c>schemas/forms/&lt;form&gt;/&lt;version&gt;.schema.json</c>), bundled:
/// the shared parts of <c>schemas/common</c> it references are copied into its <c>definitions</c>, so the
/// document is self-contained and is exactly what a portal receives.
/// </summary>
public sealed record FormSchemaVersion(string Form, string Version, Validity Validity, string File, string ContentHash)
{
    /// <summary>The bundled schema (never mutated after load; copy before changing).</summary>
    internal JsonObject Bundled { get; init; } = [];

    /// <summary>Names of the extension points (object properties marked <c>"x-extension-point": true</c>) by pointer.</summary>
    public required IReadOnlyList<string> ExtensionPoints { get; init; }

    /// <summary>The form's title (<c>title</c> and <c>x-title-en</c>).</summary>
    public LocalizedText Title { get; init; } = new("", "");
}

/// <summary>
/// A municipal schema extension (<c>schemas/municipalities/&lt;istat&gt;/&lt;form&gt;/&lt;version&gt;.schema.json</c>):
/// optional local fields plugged into the extension points of the national form.
/// </summary>
public sealed record FormSchemaExtension(string Form, string Municipality, string Version, Validity Validity, string File, string ContentHash)
{
    /// <summary>Per extension point (a root property name of the national form), the local properties it adds.</summary>
    internal IReadOnlyDictionary<string, JsonObject> Additions { get; init; } = new Dictionary<string, JsonObject>();

    /// <summary>Definitions the local properties reference (bundled shared parts).</summary>
    internal JsonObject Definitions { get; init; } = [];

    /// <summary>The extension's title (<c>title</c> and <c>x-title-en</c>).</summary>
    public LocalizedText Title { get; init; } = new("", "");
}
