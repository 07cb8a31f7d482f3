using System.Diagnostics;
using System.Globalization;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Monitoring;
using StrategicCities.Core.OpenData;
using StrategicCities.Data;
using StrategicCities.Data.Applications;
using StrategicCities.Data.Monitoring;

// National-scale measurements (tests/scale/README.md), never asserted in tests:
//   stats   <setting>  statistics grouped by municipality, regime and month (3 runs)
//   search  <setting>  application search by municipality and state, paged (p50/p99 over 300 queries)
//   export  <setting>  the open-data exports streamed to nowhere (time, rows, peak resident memory)
//   catalog [rulesDir] a catalog with an overlay for each of the 7,896 municipalities, loaded cold, each resolved once
var command = args.Length > 0 ? args[0] : "";
var setting = args.Length > 1 ? args[1] : Environment.GetEnvironmentVariable("SCALE_CONNECTION");
switch (command)
{
    case "stats":
        await StatsAsync(Store(setting));
        break;
    case "search":
        await SearchAsync(Factory(setting));
        break;
    case "export":
        await ExportAsync(Store(setting), args.Length > 2 ? args[2] : "applications");
        break;
    case "catalog":
        await CatalogAsync(args.Length > 1 ? args[1] : null);
        break;
    default:
        Console.Error.WriteLine("usage: stats|search|export <postgres:setting> [applications|monthly] | catalog [rulesDir]");
        return 2;
}

return 0;

static DatabaseFactory Factory(string? setting) =>
    new(DataOptions.Parse(setting ?? throw new ArgumentException("a connection setting (postgres:...) or SCALE_CONNECTION"), null, Directory.GetCurrentDirectory()));

static MonitoringStore Store(string? setting) => new(Factory(setting));

static async Task StatsAsync(MonitoringStore store)
{
    var query = new StatisticsQuery { GroupBy = [StatisticsDimension.Municipality, StatisticsDimension.Regime, StatisticsDimension.Month] };
    for (var run = 1; run <= 3; run++)
    {
        var clock = Stopwatch.StartNew();
        var report = await store.StatisticsAsync(query);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"stats by municipality, regime, month: run {run}: {clock.Elapsed.TotalSeconds:F2} s, {report.Rows.Count} groups"));
    }

    var one = new StatisticsQuery { Municipality = "000001", GroupBy = [StatisticsDimension.Regime, StatisticsDimension.Month] };
    var single = Stopwatch.StartNew();
    await store.StatisticsAsync(one);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stats of the largest municipality by regime, month: {single.Elapsed.TotalSeconds:F2} s"));
}

static async Task SearchAsync(DatabaseFactory factory)
{
    var store = new ApplicationStore(factory);
    var random = new Random(7);
    string[] states = ["in-istruttoria", "concluso"];
    var timings = new List<double>();
    for (var i = 0; i < 330; i++)
    {
        // Skewed as the data: mostly the big municipalities (low codes), sometimes a small one.
        var municipality = (1 + (int)(7896 * Math.Pow(random.NextDouble(), 3))).ToString("D6", CultureInfo.InvariantCulture);
        var query = new ApplicationQuery { Municipality = municipality, State = states[i % 2], Page = 1 + random.Next(5), PageSize = 50 };
        var clock = Stopwatch.StartNew();
        await store.SearchAsync(query, MunicipalityScope.Everywhere);
        if (i >= 30)
        {
            timings.Add(clock.Elapsed.TotalMilliseconds);
        }
    }

    timings.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"search by municipality and state, 50 per page, {timings.Count} queries after 30 warm-up: p50 {Percentile.Continuous(timings.Select(t => (int)Math.Round(t * 100)).ToList(), 0.5) / 100:F1} ms, p99 {timings[(int)Math.Ceiling(0.99 * timings.Count) - 1]:F1} ms, max {timings[^1]:F1} ms"));
}

static async Task ExportAsync(MonitoringStore store, string dataset)
{
    var clock = Stopwatch.StartNew();
    long rows;
    using var sampler = new PeakSampler();
    if (dataset == "monthly")
    {
        rows = await MonthlyOpenDataWriter.WriteAsync(store.MonthlyOpenDataAsync(), OpenDataFormat.Csv, Stream.Null);
    }
    else
    {
        rows = await OpenDataWriter.WriteAsync(store.OpenDataAsync(), OpenDataFormat.Csv, Stream.Null);
    }

    sampler.Stop();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"export {dataset} (CSV): {rows} rows in {clock.Elapsed.TotalSeconds:F1} s; peak resident {sampler.PeakMegabytes:F0} MB, resident at start {sampler.StartMegabytes:F0} MB"));
}

static async Task CatalogAsync(string? rules)
{
    var sources = CatalogSources.Discover(rules);
    var registry = File.ReadLines(Path.Combine(sources.RulesDirectory, "registry", "municipalities.csv")).Skip(1).Select(l => l[..6]).ToList();
    var overlays = Directory.GetDirectories(Path.Combine(sources.RulesDirectory, "municipalities")).Length;
    using var sampler = new PeakSampler();
    var clock = Stopwatch.StartNew();
    var catalog = (await CatalogLoader.LoadAsync(sources)).GetCatalogOrThrow();
    var loaded = clock.Elapsed;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"catalog with {overlays} municipal overlay folders: cold load {loaded.TotalSeconds:F2} s, resident {sampler.PeakMegabytes:F0} MB"));
    var resolved = 0;
    foreach (var municipality in registry)
    {
        var (package, _) = await catalog.ResolveAsync(municipality, new DateOnly(2025, 3, 1));
        resolved += package is null ? 0 : 1;
        if (resolved % 250 == 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {resolved} resolved at {clock.Elapsed.TotalSeconds:F1} s, peak resident {sampler.PeakMegabytes:F0} MB"));
        }
    }

    sampler.Stop();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"catalog with {overlays} municipal overlay folders: cold load {loaded.TotalSeconds:F2} s; {resolved}/{registry.Count} municipalities resolved, total {clock.Elapsed.TotalSeconds:F2} s; peak resident {sampler.PeakMegabytes:F0} MB"));
}

/// <summary>Samples the process's resident set every 50 ms (the OS's peak figure includes the runtime's start).</summary>
internal sealed class PeakSampler : IDisposable
{
    private readonly Timer _timer;
    private long _peak;

    public PeakSampler()
    {
        StartMegabytes = Resident() / 1048576.0;
        _timer = new Timer(_ => Interlocked.Exchange(ref _peak, Math.Max(Interlocked.Read(ref _peak), Resident())), null, 0, 50);
    }

    public double StartMegabytes { get; }

    public double PeakMegabytes => Math.Max(Interlocked.Read(ref _peak), Resident()) / 1048576.0;

    public void Stop() => _timer.Dispose();

    public void Dispose() => Stop();

    private static long Resident()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}
