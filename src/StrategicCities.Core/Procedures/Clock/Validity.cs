namespace StrategicCities.Core.Procedures.Clock;

/// <summary>Half-open validity intervals <c>[from, to)</c>, open on either side when null.</summary>
internal static class Validity
{
    public static bool Contains(DateOnly? from, DateOnly? to, DateOnly date) =>
        (from is null || date >= from.Value) && (to is null || date < to.Value);

    public static bool IsWellFormed(DateOnly? from, DateOnly? to) =>
        from is null || to is null || from.Value < to.Value;
}
