using System.Security.Cryptography;
using System.Text;

namespace StrategicCities.Data.Migrations;

/// <summary>One numbered, forward-only script of one dialect.</summary>
/// <param name="Name">The file name without extension, e.g. <c>0001_initial</c>; the journal key.</param>
/// <param name="Sql">The script text.</param>
public sealed record MigrationScript(string Name, string Sql)
{
    /// <summary>SHA-256 of the text with line endings normalised (a checkout with CRLF is the same script).</summary>
    public string Checksum => Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes(Sql.Replace("\r\n", "\n", StringComparison.Ordinal))));

    /// <summary>The embedded scripts of a dialect, in name order.</summary>
    public static IReadOnlyList<MigrationScript> Embedded(Dialect dialect)
    {
        var assembly = typeof(MigrationScript).Assembly;
        var prefix = $"Migrations/{dialect}/";
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(prefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            scripts.Add(new MigrationScript(Path.GetFileNameWithoutExtension(resource[prefix.Length..]), reader.ReadToEnd()));
        }

        scripts.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return scripts;
    }
}
