using System.Text.Json;
using StrategicCities.Core.Catalog;

namespace StrategicCities.Core.LawLinks;

/// <summary>
/// <c>permits lint</c>'s check that every citation can be opened: each <c>legalBasis</c> in a file under rules/ (rule
/// sets, overlays, procedures, calendars) names an instrument of the same file that <see cref="CitationLinks"/>
/// resolves; one <see cref="CitationLinks.Unresolvable"/> problem per instrument that does not.
/// </summary>
/// <remarks>
/// It reads the files as JSON, not through the loaders, so every kind of file is covered the same way; an instrument
/// the file does not declare is the loaders' <c>instrument.unknown</c>, not reported again here.
/// </remarks>
public static class CitationLint
{
    /// <summary>The unresolvable citations of the JSON files under <paramref name="rulesDirectory"/>.</summary>
    public static async Task<IReadOnlyList<CatalogProblem>> CheckAsync(string rulesDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rulesDirectory);
        var problems = new List<CatalogProblem>();
        foreach (var path in Directory.EnumerateFiles(rulesDirectory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(await File.ReadAllBytesAsync(path, cancellationToken));
            }
            catch (JsonException)
            {
                continue; // the loaders report a file that is not JSON
            }

            using (document)
            {
                var file = Path.GetRelativePath(rulesDirectory, path).Replace('\\', '/');
                problems.AddRange(Check(file, document.RootElement));
            }
        }

        return problems;
    }

    /// <summary>The unresolvable citations of one file, given as its JSON.</summary>
    public static IEnumerable<CatalogProblem> Check(string file, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("instruments", out var declared) || declared.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var instruments = declared.EnumerateArray()
            .Where(i => i.ValueKind == JsonValueKind.Object && i.TryGetProperty("id", out _) && i.TryGetProperty("title", out _))
            .Select(i => new Instrument(i.GetProperty("id").GetString()!, i.GetProperty("title").GetString()!,
                i.TryGetProperty("href", out var href) && href.ValueKind == JsonValueKind.String ? href.GetString() : null))
            .GroupBy(i => i.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var cited = new SortedSet<string>(StringComparer.Ordinal);
        Collect(root, cited);
        return cited
            .Where(id => instruments.TryGetValue(id, out var instrument) && !CitationLinks.IsResolvable(instrument))
            .Select(id => new CatalogProblem(file, id, CitationLinks.Unresolvable,
                $"instrument '{id}' (\"{instruments[id].Title}\") has no link pattern: a state act needs its normattiva URN "
                + "(an href to the resolver, or a title such as \"D.P.R. 6 giugno 2001, n. 380\"), a regional act a region "
                + "registered in CitationLinks, another document an official source"));
    }

    private static void Collect(JsonElement element, SortedSet<string> cited)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "legalBasis" && property.Value.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var basis in property.Value.EnumerateArray())
                        {
                            if (basis.ValueKind == JsonValueKind.Object && basis.TryGetProperty("instrument", out var id) && id.ValueKind == JsonValueKind.String)
                            {
                                cited.Add(id.GetString()!);
                            }
                        }
                    }
                    else
                    {
                        Collect(property.Value, cited);
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, cited);
                }

                break;
        }
    }
}
