namespace StrategicCities.Api.Tests;

/// <summary>The repository's rules/ and schemas/, found by walking up from the test directory.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "rules")) && Directory.Exists(Path.Combine(dir.FullName, "schemas", "meta")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No folder holding rules/ and schemas/ above {TestContext.CurrentContext.TestDirectory}.");
    });

    public static string Rules => Path.Combine(Root.Value, "rules");

    public static string Schemas => Path.Combine(Root.Value, "schemas");

    /// <summary>Copies rules/ and schemas/ into a fresh temporary folder (for tests that break them).</summary>
    public static string CopyToTemp()
    {
        var target = Path.Combine(Path.GetTempPath(), "sc-api-tests-" + Guid.NewGuid().ToString("N"));
        Copy(Rules, Path.Combine(target, "rules"));
        Copy(Schemas, Path.Combine(target, "schemas"));
        return target;
    }

    private static void Copy(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
