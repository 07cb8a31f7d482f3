using System.Globalization;
using System.Xml.Linq;

namespace StrategicCities.Api.Monitoring;

/// <summary>
/// Server-rendered SVG bar charts for the dashboard: plain shapes and text, presentation attributes only (no style
/// attributes, no script), so a strict CSP accepts them. Every bar is a <c>rect</c> of class <c>bar</c> with a
/// <c>title</c> (the exact figure) and <c>data-series</c>/<c>data-label</c>.
/// </summary>
public static class SvgCharts
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private const int Width = 720;
    private const int Height = 300;
    private const int Left = 48;
    private const int Right = 12;
    private const int Top = 36;
    private const int Bottom = 64;

    /// <summary>One series of a grouped bar chart.</summary>
    /// <param name="Name">Legend text.</param>
    /// <param name="Color">Fill colour.</param>
    public sealed record Series(string Name, string Color);

    /// <summary>A vertical grouped bar chart: one group per category, one bar per series.</summary>
    public static string Bars(string id, string title, IReadOnlyList<string> categories, IReadOnlyList<Series> series,
        Func<int, int, double> value, Func<double, string> format, double? max = null)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(format);
        var root = Root(id, title);
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var top = max ?? Math.Max(1, Enumerable.Range(0, categories.Count).SelectMany(c => Enumerable.Range(0, series.Count).Select(s => value(c, s))).DefaultIfEmpty(0).Max());

        // Axes and grid: 0, 50 %, 100 % of the scale.
        foreach (var f in new[] { 0.0, 0.5, 1.0 })
        {
            var y = Top + plotHeight - (f * plotHeight);
            root.Add(new XElement(Svg + "line", A("x1", Left), A("x2", Width - Right), A("y1", y), A("y2", y), new XAttribute("stroke", "#ccc")));
            root.Add(Text(Left - 4, y + 4, format(top * f), "end", 11));
        }

        if (categories.Count == 0)
        {
            root.Add(Text(Width / 2.0, Top + (plotHeight / 2.0), "Nessun dato / No data", "middle", 14));
        }

        var group = categories.Count == 0 ? 0 : plotWidth / (double)categories.Count;
        var barWidth = Math.Max(1, (group * 0.8) / Math.Max(1, series.Count));
        var labelEvery = Math.Max(1, (int)Math.Ceiling(categories.Count / 24.0));
        for (var c = 0; c < categories.Count; c++)
        {
            var x0 = Left + (c * group) + (group * 0.1);
            for (var s = 0; s < series.Count; s++)
            {
                var v = value(c, s);
                var h = top <= 0 ? 0 : Math.Max(0, v / top * plotHeight);
                root.Add(new XElement(Svg + "rect",
                    new XAttribute("class", "bar"), new XAttribute("data-series", series[s].Name), new XAttribute("data-label", categories[c]),
                    A("x", x0 + (s * barWidth)), A("y", Top + plotHeight - h), A("width", barWidth), A("height", h),
                    new XAttribute("fill", series[s].Color),
                    new XElement(Svg + "title", $"{categories[c]} — {series[s].Name}: {format(v)}")));
            }

            if (c % labelEvery == 0)
            {
                var lx = x0 + (group * 0.4);
                var ly = Top + plotHeight + 12;
                root.Add(new XElement(Svg + "text", A("x", lx), A("y", ly), new XAttribute("font-size", 10), new XAttribute("text-anchor", "end"),
                    new XAttribute("transform", $"rotate(-40 {N(lx)} {N(ly)})"), categories[c]));
            }
        }

        // Legend.
        for (var s = 0; s < series.Count; s++)
        {
            var lx = Left + (s * 150);
            root.Add(new XElement(Svg + "rect", new XAttribute("class", "legend"), A("x", lx), A("y", Height - 16), A("width", 10), A("height", 10),
                new XAttribute("fill", series[s].Color)));
            root.Add(Text(lx + 14, Height - 7, series[s].Name, "start", 11));
        }

        return root.ToString(SaveOptions.DisableFormatting);
    }

    private static XElement Root(string id, string title) =>
        new(Svg + "svg",
            new XAttribute("id", id), new XAttribute("viewBox", $"0 0 {Width} {Height}"), new XAttribute("role", "img"),
            new XAttribute("aria-label", title), new XAttribute("font-family", "system-ui, sans-serif"),
            new XElement(Svg + "title", title),
            new XElement(Svg + "text", A("x", Left), A("y", 18), new XAttribute("font-size", 14), new XAttribute("font-weight", "bold"), title));

    private static XElement Text(double x, double y, string text, string anchor, int size) =>
        new(Svg + "text", A("x", x), A("y", y), new XAttribute("font-size", size), new XAttribute("text-anchor", anchor), text);

    private static XAttribute A(string name, double value) => new(name, N(value));

    private static string N(double value) => Math.Round(value, 2).ToString(CultureInfo.InvariantCulture);
}
