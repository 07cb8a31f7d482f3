using System.Globalization;
using System.Xml.Linq;

namespace StrategicCities.Api.Monitoring;

/// <summary>
/// Server-rendered SVG bar charts for the dashboard: plain shapes and text, presentation attributes only (no style
/// attributes, no script), so a strict CSP accepts them. Every bar is a <c>rect</c> of class <c>bar</c> with a
/// <c>title</c> (the exact figure) and <c>data-series</c>/<c>data-label</c>/<c>data-value</c>, from which the
/// dashboard builds the table of the figures (the charts' text equivalent, WCAG 1.1.1). Series are told apart by a
/// pattern as well as by colour (1.4.1), fills have at least 3:1 against white (1.4.11), text is 14 units high and the
/// margins grow with the longest category so no label is clipped.
/// </summary>
public static class SvgCharts
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private const int Width = 720;
    private const int PlotHeight = 200;
    private const int Right = 12;
    private const int Top = 40;
    private const int FontSize = 14;
    private const int LegendHeight = 34;

    // sin and cos of the category labels' 40° slant, and the average glyph width of system-ui per unit of size.
    private const double Sin40 = 0.643;
    private const double Cos40 = 0.766;
    private const double GlyphWidth = 0.6;

    /// <summary>One series of a grouped bar chart.</summary>
    /// <param name="Name">Legend text.</param>
    /// <param name="Color">Fill colour (at least 3:1 against white).</param>
    public sealed record Series(string Name, string Color);

    /// <summary>A vertical grouped bar chart: one group per category, one bar per series.</summary>
    public static string Bars(string id, string title, IReadOnlyList<string> categories, IReadOnlyList<Series> series,
        Func<int, int, double> value, Func<double, string> format, double? max = null)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(format);
        var longest = categories.Select(c => c.Length).DefaultIfEmpty(0).Max() * FontSize * GlyphWidth;
        var left = 56.0;
        var group = categories.Count == 0 ? 0 : (Width - left - Right) / (double)categories.Count;
        left = Math.Max(left, Math.Ceiling((longest * Cos40) - (group * 0.5) + 4));
        group = categories.Count == 0 ? 0 : (Width - left - Right) / (double)categories.Count;
        var bottom = 16 + (longest * Sin40) + LegendHeight;
        var height = Top + PlotHeight + bottom;
        var root = Root(id, title, height);
        root.Add(Patterns(id, series));
        var top = max ?? Math.Max(1, Enumerable.Range(0, categories.Count).SelectMany(c => Enumerable.Range(0, series.Count).Select(s => value(c, s))).DefaultIfEmpty(0).Max());

        // Axes and grid: 0, 50 %, 100 % of the scale.
        foreach (var f in new[] { 0.0, 0.5, 1.0 })
        {
            var y = Top + PlotHeight - (f * PlotHeight);
            root.Add(new XElement(Svg + "line", A("x1", left), A("x2", Width - Right), A("y1", y), A("y2", y), new XAttribute("stroke", "#767676")));
            root.Add(Text(left - 4, y + 5, format(top * f), "end", FontSize));
        }

        if (categories.Count == 0)
        {
            root.Add(Text(Width / 2.0, Top + (PlotHeight / 2.0), "Nessun dato / No data", "middle", FontSize + 2));
        }

        var barWidth = Math.Max(1, (group * 0.8) / Math.Max(1, series.Count));
        var labelEvery = Math.Max(1, (int)Math.Ceiling(categories.Count / 24.0));
        // Direct labels (the figure above each bar) when there is room: one series and bars wide enough for the text.
        var direct = series.Count == 1 && barWidth >= FontSize * 2;
        for (var c = 0; c < categories.Count; c++)
        {
            var x0 = left + (c * group) + (group * 0.1);
            for (var s = 0; s < series.Count; s++)
            {
                var v = value(c, s);
                var h = top <= 0 ? 0 : Math.Max(0, v / top * PlotHeight);
                root.Add(new XElement(Svg + "rect",
                    new XAttribute("class", "bar"), new XAttribute("data-series", series[s].Name), new XAttribute("data-label", categories[c]),
                    new XAttribute("data-value", format(v)),
                    A("x", x0 + (s * barWidth)), A("y", Top + PlotHeight - h), A("width", barWidth), A("height", h),
                    new XAttribute("fill", Fill(id, series, s)), new XAttribute("stroke", series[s].Color),
                    new XElement(Svg + "title", $"{categories[c]} — {series[s].Name}: {format(v)}")));
                if (direct)
                {
                    root.Add(Text(x0 + (s * barWidth) + (barWidth / 2), Top + PlotHeight - h - 4, format(v), "middle", FontSize));
                }
            }

            if (c % labelEvery == 0)
            {
                var lx = x0 + (group * 0.4);
                var ly = Top + PlotHeight + 16;
                root.Add(new XElement(Svg + "text", A("x", lx), A("y", ly), new XAttribute("font-size", FontSize), new XAttribute("text-anchor", "end"),
                    new XAttribute("transform", $"rotate(-40 {N(lx)} {N(ly)})"), categories[c]));
            }
        }

        // Legend: a swatch with the series' pattern beside its name.
        for (var s = 0; s < series.Count; s++)
        {
            var lx = left + (s * 220);
            root.Add(new XElement(Svg + "rect", new XAttribute("class", "legend"), A("x", lx), A("y", height - 22), A("width", 16), A("height", 16),
                new XAttribute("fill", Fill(id, series, s)), new XAttribute("stroke", series[s].Color)));
            root.Add(Text(lx + 22, height - 9, series[s].Name, "start", FontSize));
        }

        return root.ToString(SaveOptions.DisableFormatting);
    }

    // The first series is solid; the others carry white stripes (diagonal, then a cross-hatch) over their colour.
    private static string Fill(string id, IReadOnlyList<Series> series, int s) => s == 0 ? series[s].Color : $"url(#{id}-pattern-{s})";

    private static XElement Patterns(string id, IReadOnlyList<Series> series)
    {
        var defs = new XElement(Svg + "defs");
        for (var s = 1; s < series.Count; s++)
        {
            var pattern = new XElement(Svg + "pattern", new XAttribute("id", $"{id}-pattern-{s}"), new XAttribute("patternUnits", "userSpaceOnUse"),
                A("width", 8), A("height", 8), new XAttribute("patternTransform", "rotate(45)"),
                new XElement(Svg + "rect", A("width", 8), A("height", 8), new XAttribute("fill", series[s].Color)),
                new XElement(Svg + "line", A("x1", 0), A("y1", 0), A("x2", 0), A("y2", 8), new XAttribute("stroke", "#fff"), A("stroke-width", 3)));
            if (s % 2 == 0)
            {
                pattern.Add(new XElement(Svg + "line", A("x1", 0), A("y1", 4), A("x2", 8), A("y2", 4), new XAttribute("stroke", "#fff"), A("stroke-width", 3)));
            }

            defs.Add(pattern);
        }

        return defs;
    }

    private static XElement Root(string id, string title, double height) =>
        new(Svg + "svg",
            new XAttribute("id", id), new XAttribute("viewBox", $"0 0 {Width} {N(height)}"), new XAttribute("role", "img"),
            new XAttribute("aria-label", title), new XAttribute("font-family", "system-ui, sans-serif"),
            new XElement(Svg + "title", title),
            new XElement(Svg + "text", A("x", 8), A("y", 22), new XAttribute("font-size", FontSize + 1), new XAttribute("font-weight", "bold"), title));

    private static XElement Text(double x, double y, string text, string anchor, int size) =>
        new(Svg + "text", A("x", x), A("y", y), new XAttribute("font-size", size), new XAttribute("text-anchor", anchor), text);

    private static XAttribute A(string name, double value) => new(name, N(value));

    private static string N(double value) => Math.Round(value, 2).ToString(CultureInfo.InvariantCulture);
}
