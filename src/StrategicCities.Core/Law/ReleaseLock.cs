using System.Text.Json;
using System.Text.Json.Serialization;
using StrategicCities.Core.Catalog;

namespace StrategicCities.Core.Law;

/// <summary>
/// The released files and their content hashes (<c>rules/RELEASES.lock.json</c>): a released rule set, procedure,
/// calendar, form schema or schema extension never changes, because applications pinned it by hash. A correction of
/// its encoding is a revision (<c>&lt;version&gt;.r&lt;N&gt;.json</c>), a change of the law a new version; both are new files
/// that <c>permits release</c> records. <c>permits lint</c> refuses a changed or removed released file.
/// </summary>
public sealed class ReleaseLock
{
    /// <summary>The lock file's name, in the rules folder.</summary>
    public const string FileName = "RELEASES.lock.json";

    /// <summary>A released file whose bytes differ from the lock.</summary>
    public const string Changed = "release.changed";

    /// <summary>A released file that is gone.</summary>
    public const string Removed = "release.removed";

    /// <summary>The lock file is not valid JSON of the expected shape.</summary>
    public const string Invalid = "release.lock-invalid";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private ReleaseLock(SortedDictionary<string, string> files) => Files = files;

    /// <summary>
    /// Released files → <c>sha256:</c> hex of their bytes. Paths are <c>rules/…</c> (from the rules folder) or
    /// <c>schemas/…</c> (from the schemas folder), forward slashes, whatever the folders are called on disk.
    /// </summary>
    public IReadOnlyDictionary<string, string> Files { get; }

    /// <summary>Reads the lock beside <paramref name="sources"/>' rules (empty when there is none yet).</summary>
    /// <exception cref="InvalidDataException">The lock is not a JSON object of path → hash.</exception>
    public static async Task<ReleaseLock> ReadAsync(CatalogSources sources, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var path = PathOf(sources);
        if (!File.Exists(path))
        {
            return new ReleaseLock(new SortedDictionary<string, string>(StringComparer.Ordinal));
        }

        try
        {
            await using var stream = File.OpenRead(path);
            var read = await JsonSerializer.DeserializeAsync<LockFile>(stream, cancellationToken: cancellationToken);
            return new ReleaseLock(new SortedDictionary<string, string>(read?.Files ?? [], StringComparer.Ordinal));
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{FileName} is not valid: {ex.Message}", ex);
        }
    }

    /// <summary>Every released file that changed or is gone, one problem each, naming the file and what to do.</summary>
    public async Task<IReadOnlyList<CatalogProblem>> CheckAsync(CatalogSources sources, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var problems = new List<CatalogProblem>();
        foreach (var (file, hash) in Files)
        {
            var path = Locate(sources, file);
            if (!File.Exists(path))
            {
                problems.Add(new(file, null, Removed,
                    "a released file was removed, but applications may have pinned it: restore it (git checkout) — a release is never withdrawn, only superseded by a revision or a new version"));
            }
            else if (await ContentHash.OfFileAsync(path, cancellationToken) != hash)
            {
                problems.Add(new(file, null, Changed,
                    $"a released file changed ({FileName} records {hash[..15]}…): restore it (git checkout) and publish the correction as a revision ({Revisioned(file)}) or the change of the law as a new version, then run 'permits release'"));
            }
        }

        return problems;
    }

    /// <summary>Files that could be released and are not in the lock yet (paths from the repository root).</summary>
    public IReadOnlyList<string> Unreleased(CatalogSources sources) =>
        [.. Releasable(sources).Where(f => !Files.ContainsKey(f))];

    /// <summary>Records every unreleased file in the lock and writes it; returns the files recorded.</summary>
    public async Task<IReadOnlyList<string>> ReleaseAsync(CatalogSources sources, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var added = Unreleased(sources);
        var files = new SortedDictionary<string, string>((IDictionary<string, string>)Files, StringComparer.Ordinal);
        foreach (var file in added)
        {
            files[file] = await ContentHash.OfFileAsync(Locate(sources, file), cancellationToken);
        }

        await using var stream = File.Create(PathOf(sources));
        await JsonSerializer.SerializeAsync(stream, new LockFile { Files = new Dictionary<string, string>(files, StringComparer.Ordinal) }, Indented, cancellationToken);
        return added;
    }

    /// <summary>
    /// What a release covers: rule files, procedures and calendars under rules/, form schemas, their municipal
    /// extensions and the shared parts they use under schemas/ — not cases, notes, the registry or examples.
    /// </summary>
    public static IEnumerable<string> Releasable(CatalogSources sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        IEnumerable<string> Under(string prefix, string root, string folder, string pattern)
        {
            var dir = Path.Combine(root, folder);
            return Directory.Exists(dir)
                ? Directory.EnumerateFiles(dir, pattern, SearchOption.AllDirectories).Select(f => prefix + Path.GetRelativePath(root, f).Replace('\\', '/'))
                : [];
        }

        return new[]
            {
                Under(RulesPrefix, sources.RulesDirectory, "national", "*.json"),
                Under(RulesPrefix, sources.RulesDirectory, "regions", "*.json"),
                Under(RulesPrefix, sources.RulesDirectory, "municipalities", "*.json"),
                Under(RulesPrefix, sources.RulesDirectory, "calendars", "*.json"),
                Under(SchemasPrefix, sources.SchemasDirectory, "forms", "*.schema.json"),
                Under(SchemasPrefix, sources.SchemasDirectory, "municipalities", "*.schema.json"),
                Under(SchemasPrefix, sources.SchemasDirectory, "common", "*.schema.json"),
            }
            .SelectMany(f => f)
            .Where(f => !f.Contains("/examples/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
    }

    private const string RulesPrefix = "rules/";
    private const string SchemasPrefix = "schemas/";

    private static string Locate(CatalogSources sources, string file) => file.StartsWith(SchemasPrefix, StringComparison.Ordinal)
        ? Path.Combine(sources.SchemasDirectory, file[SchemasPrefix.Length..])
        : Path.Combine(sources.RulesDirectory, file.StartsWith(RulesPrefix, StringComparison.Ordinal) ? file[RulesPrefix.Length..] : file);

    private static string PathOf(CatalogSources sources) => Path.Combine(sources.RulesDirectory, FileName);

    private static string Revisioned(string file)
    {
        var name = Path.GetFileName(file);
        var stem = name.EndsWith(".schema.json", StringComparison.Ordinal) ? name[..^".schema.json".Length] : name[..^".json".Length];
        return $"{stem}.r2{(name.EndsWith(".schema.json", StringComparison.Ordinal) ? ".schema.json" : ".json")} beside it, or the next free revision";
    }

    private sealed class LockFile
    {
        [JsonPropertyName("files")]
        public Dictionary<string, string> Files { get; set; } = [];
    }
}
