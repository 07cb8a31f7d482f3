using StrategicCities.Core.Catalog;
using StrategicCities.Core.Determination;

namespace StrategicCities.Core.Tests.Support;

/// <summary>The repository under test: its rules/ and schemas/, and the shipped catalog loaded once.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static CatalogSources Sources { get; } = new(Path.Combine(Root, "rules"), Path.Combine(Root, "schemas"));

    private static readonly Lazy<Task<RuleCatalog>> ShippedCatalog = new(async () =>
        (await CatalogLoader.LoadAsync(Sources)).GetCatalogOrThrow());

    public static string SchemasDirectory => Sources.SchemasDirectory;

    public static Task<RuleCatalog> CatalogAsync() => ShippedCatalog.Value;

    public static async Task<DeterminationEngine> EngineAsync() =>
        new(await CatalogAsync(), await InterventionReader.CreateAsync(SchemasDirectory));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StrategicCities.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("StrategicCities.sln not found above the test folder.");
    }
}
