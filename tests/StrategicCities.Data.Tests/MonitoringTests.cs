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

[TestFixture(Dialect.Sqlite)]
[TestFixture(Dialect.Postgres)]
public sealed class MonitoringTests(Dialect dialect) : DialectFixture(dialect)
{
    private static readonly DateOnly Today = new(2025, 12, 31);

    private static async Task<(ProcedureCatalog, ItalianCalendar)> LoadAsync()
    {
        var sources = CatalogSources.Discover();
        var rules = (await CatalogLoader.LoadAsync(sources)).Catalog!;
        var procedures = (await ProcedureLoader.LoadAsync(sources, rules)).GetCatalogOrThrow();
        var calendar = (await CalendarLoader.LoadAsync(Path.Combine(sources.RulesDirectory, "calendars"))).Calendar!;
        return (procedures, calendar);
    }

    [Test]
    public async Task Seed_SameSeed_GeneratesTheSameApplications()
    {
        var (procedures, calendar) = await LoadAsync();
        var a = new SeedGenerator(procedures, calendar, Today, 7).Generate(300).ToList();
        var b = new SeedGenerator(procedures, calendar, Today, 7).Generate(300).ToList();
        Assert.That(a.Select(x => (x.Id, x.Data, x.State, x.Events.Count)), Is.EqualTo(b.Select(x => (x.Id, x.Data, x.State, x.Events.Count))));
    }

    [Test]
    public async Task Export_OfSeededApplications_ContainsNoPersonalValue()
    {
        var (procedures, calendar) = await LoadAsync();
        var generator = new SeedGenerator(procedures, calendar, Today, 11);
        var seeded = generator.Generate(500).ToList();
        var writer = new BulkApplicationWriter(Factory);
        await writer.WriteOfficesAsync(generator.Offices, Time.GetUtcNow());
        await writer.WriteApplicationsAsync(seeded, batchSize: 97);

        var personal = new HashSet<string>(StringComparer.Ordinal);
        foreach (var application in seeded)
        {
            using var doc = JsonDocument.Parse(application.Data);
            var p = doc.RootElement.GetProperty("dichiarante").GetProperty("persona");
            var t = doc.RootElement.GetProperty("tecnico");
            var u = doc.RootElement.GetProperty("ubicazione");
            personal.UnionWith(
            [
                p.GetProperty("cognome").GetString()!, p.GetProperty("nome").GetString()!, p.GetProperty("codiceFiscale").GetString()!,
                p.GetProperty("pec").GetString()!, p.GetProperty("residenza").GetProperty("via").GetString()!,
                t.GetProperty("cognome").GetString()!, t.GetProperty("nome").GetString()!, t.GetProperty("codiceFiscale").GetString()!,
                u.GetProperty("indirizzo").GetProperty("via").GetString()!,
                u.GetProperty("catasto").GetProperty("fabbricati")[0].GetProperty("riferimento").GetString()!,
                doc.RootElement.GetProperty("intervento").GetProperty("descrizione").GetString()!,
            ]);
        }

        var store = new MonitoringStore(Factory);
        foreach (var format in new[] { OpenDataFormat.Csv, OpenDataFormat.Json })
        {
            using var output = new MemoryStream();
            var count = await OpenDataWriter.WriteAsync(store.OpenDataAsync(), format, output);
            var text = Encoding.UTF8.GetString(output.ToArray());
            Assert.Multiple(() =>
            {
                Assert.That(count, Is.EqualTo(seeded.Count));
                Assert.That(personal.Where(v => text.Contains(v, StringComparison.OrdinalIgnoreCase)), Is.Empty, $"{format} leaks personal data");
            });
        }
    }

    [Test]
    public void CsvField_WithCommaOrQuote_IsQuotedPerRfc4180() =>
        Assert.That(new[] { OpenDataWriter.CsvField("a,b"), OpenDataWriter.CsvField("say \"x\""), OpenDataWriter.CsvField("plain") },
            Is.EqualTo(new[] { "\"a,b\"", "\"say \"\"x\"\"\"", "plain" }));
}
