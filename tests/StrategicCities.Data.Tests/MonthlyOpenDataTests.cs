using System.Text;
using System.Text.Json;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Monitoring.Seeding;
using StrategicCities.Core.OpenData;
using StrategicCities.Core.Procedures;
using StrategicCities.Core.Procedures.Clock;
using StrategicCities.Data.Monitoring;
using StrategicCities.Data.Tests.Support;

namespace StrategicCities.Data.Tests;

/// <summary>Issue 14: the monthly open data singles out no one (cells of at least three applications), on each database.</summary>
[TestFixture(Dialect.Sqlite)]
[TestFixture(Dialect.Postgres)]
public sealed class MonthlyOpenDataTests(Dialect dialect) : DialectFixture(dialect)
{
    private static readonly DateOnly Today = new(2025, 12, 31);

    [Test]
    public async Task MonthlyExport_OfSeededApplications_HasNoCellUnderThreeNoRepeatedCellAndNoPersonalValue()
    {
        var sources = CatalogSources.Discover();
        var rules = (await CatalogLoader.LoadAsync(sources)).Catalog!;
        var procedures = (await ProcedureLoader.LoadAsync(sources, rules)).GetCatalogOrThrow();
        var calendar = (await CalendarLoader.LoadAsync(Path.Combine(sources.RulesDirectory, "calendars"))).Calendar!;
        var generator = new SeedGenerator(procedures, calendar, Today, 23);
        var seeded = generator.Generate(600).ToList();
        var writer = new BulkApplicationWriter(Factory);
        await writer.WriteOfficesAsync(generator.Offices, Time.GetUtcNow());
        await writer.WriteApplicationsAsync(seeded, batchSize: 101);
        var store = new MonitoringStore(Factory);

        var cells = new List<MonthlyOpenDataRow>();
        await foreach (var row in store.MonthlyOpenDataAsync())
        {
            cells.Add(row);
        }

        var filed = 0;
        await foreach (var _ in store.OpenDataAsync())
        {
            filed++;
        }

        using var csv = new MemoryStream();
        await MonthlyOpenDataWriter.WriteAsync(store.MonthlyOpenDataAsync(), OpenDataFormat.Csv, csv);
        var text = Encoding.UTF8.GetString(csv.ToArray());
        var personal = seeded.SelectMany(a => PersonalValues(a.Data)).ToHashSet(StringComparer.Ordinal);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(cells, Is.Not.Empty);
            Assert.That(cells.Where(c => c.Filed < MonthlyAggregation.MinimumCell), Is.Empty, "a cell under the minimum was published");
            Assert.That(cells.Where(c => c.MedianDaysTaken is not null && c.Decided < MonthlyAggregation.MinimumCell), Is.Empty);
            Assert.That(cells.GroupBy(c => (c.Month, c.MunicipalityIstat, c.Regime, c.InterventionCategory)).Where(g => g.Count() > 1).Select(g => g.Key),
                Is.Empty, "a cell appears twice: the rows did not come grouped by month, municipality and regime");
            Assert.That(cells.Sum(c => c.Filed), Is.LessThanOrEqualTo(filed).And.GreaterThan(0));
            Assert.That(text.Split("\r\n")[0], Is.EqualTo(string.Join(',', MonthlyOpenDataRow.Columns)));
            Assert.That(personal.Where(v => text.Contains(v, StringComparison.OrdinalIgnoreCase)), Is.Empty);
            Assert.That(text, Does.Not.Match(@"\d{4}-\d{2}-\d{2}"), "an exact day is published");
        }
    }

    [Test]
    public async Task Aggregate_SmallCategories_AreMergedAndSmallGroupsSuppressed()
    {
        static OpenDataRow Row(string filed, string municipality, string regime, string? category, int? days = null, bool? within = null) => new()
        {
            FiledOn = DateOnly.Parse(filed, System.Globalization.CultureInfo.InvariantCulture),
            DecidedOn = days is { } d ? DateOnly.Parse(filed, System.Globalization.CultureInfo.InvariantCulture).AddDays(d) : null,
            MunicipalityIstat = municipality,
            Regime = regime,
            InterventionCategory = category,
            State = "in-istruttoria",
            WithinTerm = within,
            Outcome = days is null ? null : "rilasciato",
        };
        OpenDataRow[] rows =
        [
            // 2025-03, Milano, permesso: 4 new buildings (3 decided), and three categories of one application each.
            Row("2025-03-01", "015146", "permesso-di-costruire", "nuova-costruzione", 10, true),
            Row("2025-03-09", "015146", "permesso-di-costruire", "nuova-costruzione", 30, false),
            Row("2025-03-20", "015146", "permesso-di-costruire", "nuova-costruzione", 20, true),
            Row("2025-03-31", "015146", "permesso-di-costruire", "nuova-costruzione"),
            Row("2025-03-02", "015146", "permesso-di-costruire", "demolizione"),
            Row("2025-03-05", "015146", "permesso-di-costruire", null),
            Row("2025-03-07", "015146", "permesso-di-costruire", "cambio-uso", 5, true),
            // 2025-03, Milano, SCIA: two applications — suppressed whole.
            Row("2025-03-03", "015146", "scia", "manutenzione-straordinaria"),
            Row("2025-03-04", "015146", "scia", "manutenzione-straordinaria"),
            // 2025-03, Roma, SCIA: three applications, two decided — published without a median.
            Row("2025-03-03", "058091", "scia", "cambio-uso", 30),
            Row("2025-03-04", "058091", "scia", "cambio-uso", 31),
            Row("2025-03-05", "058091", "scia", "cambio-uso"),
            // 2025-04, Milano, permesso: one and two — merged into three.
            Row("2025-04-01", "015146", "permesso-di-costruire", "demolizione"),
            Row("2025-04-02", "015146", "permesso-di-costruire", "cambio-uso"),
            Row("2025-04-03", "015146", "permesso-di-costruire", "cambio-uso"),
        ];

        var cells = new List<MonthlyOpenDataRow>();
        await foreach (var cell in MonthlyAggregation.AggregateAsync(rows.ToAsyncEnumerable()))
        {
            cells.Add(cell);
        }

        Assert.That(cells.Select(c => (c.Month, c.MunicipalityIstat, c.Regime, c.InterventionCategory, c.Filed, c.Decided, c.WithinTerm, c.MedianDaysTaken)), Is.EqualTo(new[]
        {
            ("2025-03", "015146", (string?)"permesso-di-costruire", (string?)"nuova-costruzione", 4L, 3L, 2L, (double?)20),
            ("2025-03", "015146", "permesso-di-costruire", MonthlyAggregation.OtherCategories, 3L, 1L, 1L, null),
            ("2025-03", "058091", "scia", "cambio-uso", 3L, 2L, 0L, null),
            ("2025-04", "015146", "permesso-di-costruire", MonthlyAggregation.OtherCategories, 3L, 0L, 0L, null),
        }));
    }

    [Test]
    public async Task MonthlyJson_StatesTheLicenceAndTheRule()
    {
        using var output = new MemoryStream();
        await MonthlyOpenDataWriter.WriteAsync(AsyncEnumerable.Empty<MonthlyOpenDataRow>(), OpenDataFormat.Json, output);
        using var json = JsonDocument.Parse(output.ToArray());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(json.RootElement.GetProperty("license").GetString(), Is.EqualTo("https://creativecommons.org/licenses/by/4.0/"));
            Assert.That(json.RootElement.GetProperty("licenseId").GetString(), Is.EqualTo("CC-BY-4.0"));
            Assert.That(json.RootElement.GetProperty("minimumCell").GetInt32(), Is.EqualTo(3));
            Assert.That(json.RootElement.GetProperty("rows").GetArrayLength(), Is.Zero);
        }
    }

    private static IEnumerable<string> PersonalValues(string data)
    {
        using var doc = JsonDocument.Parse(data);
        var p = doc.RootElement.GetProperty("dichiarante").GetProperty("persona");
        return [p.GetProperty("cognome").GetString()!, p.GetProperty("codiceFiscale").GetString()!, p.GetProperty("pec").GetString()!];
    }
}
