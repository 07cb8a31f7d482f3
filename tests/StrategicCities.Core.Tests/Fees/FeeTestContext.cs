using StrategicCities.Core.Fees;
using StrategicCities.Core.Law;
using StrategicCities.Core.Tests.Support;

namespace StrategicCities.Core.Tests.Fees;

/// <summary>The shipped law catalog loaded once for the fee tests, and a helper to compute from JSON.</summary>
internal static class FeeTestContext
{
    private static readonly Lazy<Task<LawCatalog>> Catalog = new(async () =>
    {
        var result = await LawCatalog.LoadAsync(Repository.Sources);
        return result.Catalog ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Problems));
    });

    public static Task<LawCatalog> CatalogAsync() => Catalog.Value;

    public static async Task<(FeeAssessment? Assessment, IReadOnlyList<InputError> Errors)> ComputeAsync(string municipality, string date, string json)
    {
        var (law, error) = (await CatalogAsync()).At(municipality, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        return law is null ? (null, [error!]) : await FeeCalculator.ComputeAsync(law, json);
    }

    public static FeeLine Line(this FeeAssessment? assessment, string charge) =>
        (assessment ?? throw new AssertionException("no assessment (see the errors)")).Lines.Single(l => l.Charge == charge);
}
