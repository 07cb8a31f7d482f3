namespace StrategicCities.Core.Procedures.Clock;

/// <summary>How the date of a movable holiday is found each year.</summary>
public enum MovableHolidayRule
{
    /// <summary>The Monday after Easter Sunday (JSON <c>"easter-monday"</c>).</summary>
    EasterMonday,

    /// <summary>Ascension Thursday, Easter Sunday + 39 days (JSON <c>"ascension"</c>; a holiday 1949–1977).</summary>
    Ascension,

    /// <summary>Corpus Domini Thursday, Easter Sunday + 60 days (JSON <c>"corpus-domini"</c>; a holiday 1949–1977).</summary>
    CorpusDomini,
}
