namespace StrategicCities.Core.Catalog;

/// <summary>Where the catalog reads from: the rules folder and the schemas folder.</summary>
public sealed record CatalogSources(string RulesDirectory, string SchemasDirectory)
{
    /// <summary>Environment variable naming the repository (or deployment) root holding rules/ and schemas/.</summary>
    public const string RootVariable = "STRATEGICCITIES_ROOT";

    /// <summary>
    /// Finds rules/ and schemas/: an explicit rules path (its schemas/ is found beside it or above it),
    /// else <c>STRATEGICCITIES_ROOT</c>, else the nearest folder above the working directory or the
    /// program that holds both.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">Nothing was found; the message says where it looked.</exception>
    public static CatalogSources Discover(string? rulesPath = null, string? schemasPath = null)
    {
        if (!string.IsNullOrEmpty(schemasPath) && !Directory.Exists(Path.Combine(schemasPath, "meta")))
        {
            throw new DirectoryNotFoundException($"Schemas folder '{schemasPath}' has no meta/ folder.");
        }

        if (!string.IsNullOrEmpty(rulesPath))
        {
            var rules = Path.GetFullPath(rulesPath);
            if (!Directory.Exists(rules))
            {
                throw new DirectoryNotFoundException($"Rules folder '{rulesPath}' does not exist.");
            }

            if (Directory.Exists(Path.Combine(rules, "rules")))
            {
                rules = Path.Combine(rules, "rules");
            }

            var schemas = (string.IsNullOrEmpty(schemasPath) ? null : Path.GetFullPath(schemasPath))
                ?? FindUpwards(rules, "schemas")
                ?? throw new DirectoryNotFoundException($"No schemas/ folder found beside or above '{rules}'.");
            return new CatalogSources(rules, schemas);
        }

        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable(RootVariable) is { Length: > 0 } root)
        {
            candidates.Add(root);
        }

        candidates.Add(Directory.GetCurrentDirectory());
        candidates.Add(AppContext.BaseDirectory);
        foreach (var start in candidates)
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            {
                var rules = Path.Combine(dir.FullName, "rules");
                var schemas = Path.Combine(dir.FullName, "schemas");
                if (Directory.Exists(rules) && Directory.Exists(Path.Combine(schemas, "meta")))
                {
                    return new CatalogSources(rules, schemas);
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"No folder holding rules/ and schemas/ was found above {string.Join(" or ", candidates)}; set {RootVariable} or pass the rules path.");
    }

    private static string? FindUpwards(string from, string name)
    {
        for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, name);
            if (Directory.Exists(Path.Combine(candidate, "meta")))
            {
                return candidate;
            }
        }

        return null;
    }
}
