namespace StrategicCities.Core.Catalog;

/// <summary>A half-open validity interval <c>[From, To)</c>; <see cref="To"/> null means open-ended.</summary>
public readonly record struct Validity(DateOnly From, DateOnly? To)
{
    /// <summary>Whether <paramref name="date"/> falls in the interval.</summary>
    public bool Contains(DateOnly date) => date >= From && (To is null || date < To.Value);

    /// <summary>Whether the two intervals share at least one day.</summary>
    public bool Overlaps(Validity other) =>
        (To is null || other.From < To.Value) && (other.To is null || From < other.To.Value);

    /// <inheritdoc />
    public override string ToString() => $"[{From:yyyy-MM-dd}, {(To is null ? "∞" : To.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))})";
}
