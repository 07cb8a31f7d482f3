using System.Text.Json;
using NJsonSchema;

namespace StrategicCities.Core.Cases;

/// <summary>Reads every case file under a folder, checking each against schemas/meta/cases.schema.json.</summary>
public static class CaseLoader
{
    /// <summary>The cases, and one problem line per malformed file.</summary>
    public static async Task<(IReadOnlyList<LegalCase> Cases, IReadOnlyList<string> Problems)> LoadAsync(
        string casesDirectory, string schemasDirectory, CancellationToken cancellationToken = default)
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(schemasDirectory, "meta", "cases.schema.json"), cancellationToken);
        var cases = new List<LegalCase>();
        var problems = new List<string>();
        IEnumerable<string> files;
        if (File.Exists(casesDirectory))
        {
            files = [casesDirectory];
            casesDirectory = Path.GetDirectoryName(Path.GetFullPath(casesDirectory))!;
        }
        else if (Directory.Exists(casesDirectory))
        {
            files = Directory.EnumerateFiles(casesDirectory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
        }
        else
        {
            return (cases, [$"{casesDirectory}: no such file or folder"]);
        }

        foreach (var path in files)
        {
            var relative = Path.GetRelativePath(casesDirectory, path).Replace('\\', '/');
            var text = await File.ReadAllTextAsync(path, cancellationToken);
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(text);
            }
            catch (JsonException ex)
            {
                problems.Add($"{relative}: not valid JSON at line {ex.LineNumber + 1}: {ex.Message}");
                continue;
            }

            var errors = schema.Validate(text);
            if (errors.Count > 0)
            {
                problems.AddRange(errors.Select(e => $"{relative}: {SchemaErrors.Pointer(e)}: {e.Kind} {e.Property}".TrimEnd()));
                document.Dispose();
                continue;
            }

            using (document)
            {
                var index = 0;
                foreach (var c in document.RootElement.GetProperty("cases").EnumerateArray())
                {
                    string? Optional(string name) => c.TryGetProperty(name, out var v) ? v.GetString() : null;
                    if (Optional("kind") == "terms")
                    {
                        // The first event's date is the legal date that selects the procedure version.
                        var events = c.GetProperty("events");
                        var first = events.GetArrayLength() > 0 && events[0].TryGetProperty("date", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : "";
                        cases.Add(new LegalCase(
                            relative,
                            index++,
                            c.GetProperty("name").GetString()!,
                            "terms",
                            null,
                            c.GetProperty("municipality").GetString()!,
                            first,
                            "{}",
                            c.GetProperty("expect").Clone())
                        {
                            Procedure = c.GetProperty("procedure").GetString()!,
                            EventsJson = events.GetRawText(),
                            On = Optional("on"),
                            ZoneA = c.TryGetProperty("facts", out var facts) && facts.TryGetProperty("zoneA", out var zone) && zone.GetBoolean(),
                        });
                        continue;
                    }

                    cases.Add(new LegalCase(
                        relative,
                        index++,
                        c.GetProperty("name").GetString()!,
                        Optional("kind") ?? (Optional("form") is null ? "determination" : "form"),
                        Optional("form"),
                        c.GetProperty("municipality").GetString()!,
                        c.GetProperty("legalDate").GetString()!,
                        c.GetProperty("input").GetRawText(),
                        c.GetProperty("expect").Clone()));
                }
            }
        }

        return (cases, problems);
    }
}
