namespace StrategicCities.Browser.Tests;

/// <summary>The repository's folders, found by walking up from the test directory.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "rules")) && Directory.Exists(Path.Combine(dir.FullName, "schemas", "meta")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No folder holding rules/ and schemas/ above {AppContext.BaseDirectory}.");
    });

    public static string Root => RootPath.Value;

    public static string Rules => Path.Combine(Root, "rules");

    public static string Schemas => Path.Combine(Root, "schemas");

    /// <summary>artifacts/screenshots, where CI picks up the screenshots.</summary>
    public static string Screenshots => Directory.CreateDirectory(Path.Combine(Root, "artifacts", "screenshots")).FullName;
}
