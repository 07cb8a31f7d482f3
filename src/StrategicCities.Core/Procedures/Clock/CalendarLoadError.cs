namespace StrategicCities.Core.Procedures.Clock;

/// <summary>A problem found while loading calendar data.</summary>
/// <param name="Source">The file (or other source) at fault.</param>
/// <param name="Message">What is wrong, in English, for rule authors.</param>
public sealed record CalendarLoadError(string Source, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Source}: {Message}";
}
