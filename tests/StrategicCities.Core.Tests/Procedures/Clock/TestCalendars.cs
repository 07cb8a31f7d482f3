using StrategicCities.Core.Legal;
using StrategicCities.Core.Procedures.Clock;

namespace StrategicCities.Core.Tests.Procedures.Clock;

/// <summary>Calendars built in code for the clock tests; rules/calendars is the authority for real data.</summary>
internal static class TestCalendars
{
    public const string Milano = "015146";
    public const string Roma = "058091";
    public const string Torino = "001272";
    public const string Napoli = "063049";

    public static readonly DateOnly CovidSuspensionStart = new(2020, 2, 23);
    public static readonly DateOnly CovidSuspensionEnd = new(2020, 4, 15);
    public static readonly DateOnly CovidExtensionEnd = new(2020, 5, 15);

    private static readonly LegalBasis L260 = new("l260-1949", "2");
    private static readonly LegalBasis L54 = new("l54-1977", "1");

    /// <summary>National holidays, Sundays and four patron days (Milano's switched on for terms, Rome's by law); no suspension periods.</summary>
    public static ItalianCalendarBuilder ItalyBuilder() => new ItalianCalendarBuilder()
        .WithVersion("test")
        .AddWeeklyRestDay(DayOfWeek.Sunday)
        .AddFixedHoliday(1, 1, Text("Capodanno", "New Year's Day"), legalBasis: [L260])
        // Epiphany and Republic Day were abolished by L. 54/1977 and restored in 1985 and 2000.
        .AddFixedHoliday(1, 6, Text("Epifania", "Epiphany"), validTo: new DateOnly(1977, 3, 5), legalBasis: [L260])
        .AddFixedHoliday(1, 6, Text("Epifania", "Epiphany"), validFrom: new DateOnly(1985, 12, 28), legalBasis: [L54])
        .AddFixedHoliday(4, 25, Text("Festa della Liberazione", "Liberation Day"), legalBasis: [L260])
        .AddFixedHoliday(5, 1, Text("Festa del lavoro", "Labour Day"), legalBasis: [L260])
        .AddFixedHoliday(6, 2, Text("Festa della Repubblica", "Republic Day"), validTo: new DateOnly(1977, 3, 5), legalBasis: [L260])
        .AddFixedHoliday(6, 2, Text("Festa della Repubblica", "Republic Day"), validFrom: new DateOnly(2001, 1, 1), legalBasis: [L260])
        .AddFixedHoliday(8, 15, Text("Assunzione", "Assumption Day"), legalBasis: [L260])
        .AddFixedHoliday(11, 1, Text("Ognissanti", "All Saints' Day"), legalBasis: [L260])
        .AddFixedHoliday(12, 8, Text("Immacolata Concezione", "Immaculate Conception"), legalBasis: [L260])
        .AddFixedHoliday(12, 25, Text("Natale", "Christmas Day"), legalBasis: [L260])
        .AddFixedHoliday(12, 26, Text("Santo Stefano", "Saint Stephen's Day"), legalBasis: [L260])
        .AddMovableHoliday(MovableHolidayRule.EasterMonday, Text("Lunedì dell'Angelo", "Easter Monday"), legalBasis: [L260])
        .AddPatronDay(Milano, 12, 7, Text("Sant'Ambrogio", "Saint Ambrose"))
        // Milano chose to treat its patron day as a holiday for terms; Torino and Napoli keep the default (not).
        .PatronDaysMoveTerms(Milano)
        // The only patron day that is a public holiday in law (D.P.R. 792/1985).
        .AddPatronDay(Roma, 6, 29, Text("Santi Pietro e Paolo", "Saints Peter and Paul"), legalBasis: [new LegalBasis("dpr792-1985", "1")])
        .AddPatronDay(Torino, 6, 24, Text("San Giovanni Battista", "Saint John the Baptist"))
        .AddPatronDay(Napoli, 9, 19, Text("San Gennaro", "Saint Januarius"));

    /// <summary>National holidays and patron days, no suspension periods.</summary>
    public static ItalianCalendar Italy() => ItalyBuilder().Build();

    /// <summary>With the D.L. 18/2020 suspension only (23 Feb – 15 Apr 2020).</summary>
    public static ItalianCalendar ItalyWithCovidSuspension() => ItalyBuilder()
        .AddSuspension(CovidSuspensionStart, CovidSuspensionEnd, Text("Sospensione COVID-19", "COVID-19 suspension"), [new LegalBasis("dl18-2020", "103", "1")])
        .Build();

    /// <summary>With the D.L. 18/2020 suspension and its extension to 15 May 2020 (D.L. 23/2020 art. 37) as a second period.</summary>
    public static ItalianCalendar ItalyWithCovidSuspensionExtended() => ItalyBuilder()
        .AddSuspension(CovidSuspensionStart, CovidSuspensionEnd, Text("Sospensione COVID-19", "COVID-19 suspension"), [new LegalBasis("dl18-2020", "103", "1")])
        .AddSuspension(CovidSuspensionEnd.AddDays(1), CovidExtensionEnd, Text("Proroga sospensione", "Suspension extended"), [new LegalBasis("dl23-2020", "37")])
        .Build();

    public static LocalizedText Text(string it, string en) => new(it, en);
}
