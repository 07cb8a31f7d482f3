using System.Text.Json;
using System.Text.Json.Nodes;
using StrategicCities.Core.Catalog;

namespace StrategicCities.Core.Forms;

/// <summary>
/// Inlines the files a schema references (<c>"$ref": "../../common/person.schema.json"</c>) into its
/// <c>definitions</c> (<c>#/definitions/common-person</c>), so one document holds the whole form. Only whole-file
/// references are allowed across files, which keeps the published files readable and the bundle simple.
/// </summary>
internal sealed class SchemaBundler(string schemasDirectory, ICollection<CatalogProblem> problems)
{
    private readonly Dictionary<string, JsonNode?> _files = new(StringComparer.Ordinal);

    /// <summary>Rewrites every cross-file reference under <paramref name="node"/> and adds the targets to <paramref name="definitions"/>.</summary>
    public void Bundle(JsonNode? node, string fileDirectory, string file, JsonObject definitions)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["$ref"] is JsonValue r && r.TryGetValue<string>(out var target) && !target.StartsWith('#'))
                {
                    var name = Include(target, fileDirectory, file, definitions);
                    o["$ref"] = name is null ? target : "#/definitions/" + name;
                }

                foreach (var (_, child) in o.ToList())
                {
                    Bundle(child, fileDirectory, file, definitions);
                }

                break;
            case JsonArray a:
                foreach (var child in a.ToList())
                {
                    Bundle(child, fileDirectory, file, definitions);
                }

                break;
        }
    }

    private string? Include(string target, string fileDirectory, string file, JsonObject definitions)
    {
        if (target.Contains('#', StringComparison.Ordinal) || target.Contains("://", StringComparison.Ordinal))
        {
            problems.Add(new(file, null, "schema.ref-unsupported",
                $"reference '{target}' must name a whole file of schemas/ by relative path (no fragment, no URL)"));
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(fileDirectory, target));
        var relative = Path.GetRelativePath(schemasDirectory, full).Replace('\\', '/');
        if (relative.StartsWith("..", StringComparison.Ordinal) || !File.Exists(full))
        {
            problems.Add(new(file, null, "schema.ref-missing", $"reference '{target}' names no file under schemas/"));
            return null;
        }

        var name = relative.Replace(".schema.json", "", StringComparison.Ordinal).Replace('/', '-');
        if (definitions.ContainsKey(name))
        {
            return name;
        }

        if (!_files.TryGetValue(full, out var content))
        {
            try
            {
                content = JsonNode.Parse(File.ReadAllText(full));
            }
            catch (JsonException ex)
            {
                problems.Add(new(relative, null, "json.invalid", $"not valid JSON: {ex.Message}"));
                content = null;
            }

            _files[full] = content;
        }

        if (content is not JsonObject schema)
        {
            return null;
        }

        var copy = (JsonObject)schema.DeepClone();
        copy.Remove("$schema");
        copy.Remove("$id");
        definitions[name] = copy; // added before recursing, so cycles terminate
        Bundle(copy, Path.GetDirectoryName(full)!, relative, definitions);
        return name;
    }
}
