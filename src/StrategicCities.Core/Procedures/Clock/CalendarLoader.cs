using System.Globalization;
using System.Text.Json;
using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Procedures.Clock;

/// <summary>
/// Reads an <see cref="ItalianCalendar"/> from <c>rules/calendars/national.json</c> and
/// <c>rules/calendars/municipalities/&lt;istat&gt;.json</c>.
/// </summary>
/// <remarks>
/// Bad data is an outcome, not a fault: every problem found is returned in
/// <see cref="CalendarLoadResult.Errors"/> with the file it comes from, so a linter can list them all.
/// Unknown JSON properties are ignored. Besides the fixed and movable holidays it reads
/// <c>singleDays</c> (holidays of one year only, e.g. 17 March 2011) and the movable rules
/// <c>easter-monday</c>, <c>ascension</c> and <c>corpus-domini</c>. A suspension with <c>"inclusive": false</c> excludes its
/// <c>to</c> day.
/// </remarks>
public static class CalendarLoader
{
    /// <summary>Name of the national file inside the calendars folder.</summary>
    public const string NationalFileName = "national.json";

    /// <summary>Name of the folder of municipal files inside the calendars folder.</summary>
    public const string MunicipalitiesFolderName = "municipalities";

    /// <summary>
    /// Loads <paramref name="calendarsDirectory"/>/national.json and every
    /// <paramref name="calendarsDirectory"/>/municipalities/*.json.
    /// </summary>
    /// <param name="calendarsDirectory">The <c>rules/calendars</c> folder.</param>
    /// <param name="cancellationToken">Cancels the file reads.</param>
    public static async Task<CalendarLoadResult> LoadAsync(string calendarsDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(calendarsDirectory);

        var nationalPath = Path.Combine(calendarsDirectory, NationalFileName);
        if (!File.Exists(nationalPath))
        {
            return new CalendarLoadResult(null, [new CalendarLoadError(nationalPath, "The national calendar file does not exist.")]);
        }

        var nationalJson = await File.ReadAllTextAsync(nationalPath, cancellationToken);
        var municipal = new Dictionary<string, string>(StringComparer.Ordinal);
        var municipalitiesDirectory = Path.Combine(calendarsDirectory, MunicipalitiesFolderName);
        if (Directory.Exists(municipalitiesDirectory))
        {
            foreach (var path in Directory.EnumerateFiles(municipalitiesDirectory, "*.json").Order(StringComparer.Ordinal))
            {
                municipal.Add(path, await File.ReadAllTextAsync(path, cancellationToken));
            }
        }

        return Parse(nationalPath, nationalJson, municipal);
    }

    /// <summary>Builds a calendar from JSON text already read.</summary>
    /// <param name="nationalSource">Name of the national file, used in error messages.</param>
    /// <param name="nationalJson">Content of national.json.</param>
    /// <param name="municipalJsonBySource">
    /// Content of each municipal file keyed by its path; the file name without extension must be
    /// the ISTAT code given as <c>jurisdiction</c>.
    /// </param>
    public static CalendarLoadResult Parse(string nationalSource, string nationalJson, IReadOnlyDictionary<string, string> municipalJsonBySource)
    {
        ArgumentNullException.ThrowIfNull(nationalSource);
        ArgumentNullException.ThrowIfNull(nationalJson);
        ArgumentNullException.ThrowIfNull(municipalJsonBySource);

        var errors = new List<CalendarLoadError>();
        var builder = new ItalianCalendarBuilder();

        var national = Deserialize(nationalSource, nationalJson, CalendarJsonContext.Default.NationalCalendarDocument, errors);
        if (national is not null)
        {
            ReadNational(nationalSource, national, builder, errors);
        }

        foreach (var (source, json) in municipalJsonBySource.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var municipal = Deserialize(source, json, CalendarJsonContext.Default.MunicipalCalendarDocument, errors);
            if (municipal is not null)
            {
                ReadMunicipal(source, municipal, builder, errors);
            }
        }

        return errors.Count == 0 ? new CalendarLoadResult(builder.Build(), []) : new CalendarLoadResult(null, errors);
    }

    private static T? Deserialize<T>(string source, string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, List<CalendarLoadError> errors)
        where T : class
    {
        try
        {
            var document = JsonSerializer.Deserialize(json, typeInfo);
            if (document is null)
            {
                errors.Add(new CalendarLoadError(source, "The file is empty (null)."));
            }

            return document;
        }
        catch (JsonException exception)
        {
            errors.Add(new CalendarLoadError(source, $"Invalid JSON: {exception.Message}"));
            return null;
        }
    }

    private static void ReadNational(string source, NationalCalendarDocument document, ItalianCalendarBuilder builder, List<CalendarLoadError> errors)
    {
        if (document.Version is not null)
        {
            builder.WithVersion(document.Version);
        }

        if (!Validity.IsWellFormed(document.ValidFrom, document.ValidTo))
        {
            errors.Add(new CalendarLoadError(source, "validFrom must be earlier than validTo."));
        }

        foreach (var (holiday, index) in (document.FixedHolidays ?? []).Select((h, i) => (h, i)))
        {
            var where = $"fixedHolidays[{index}]";
            if (Check(source, where, holiday.Name, holiday.Month, holiday.Day, holiday.ValidFrom, holiday.ValidTo, errors) is { } name)
            {
                builder.AddFixedHoliday(holiday.Month, holiday.Day, name, holiday.ValidFrom, holiday.ValidTo, LegalBasisOf(holiday.LegalBasis));
            }
        }

        foreach (var (holiday, index) in (document.MovableHolidays ?? []).Select((h, i) => (h, i)))
        {
            var where = $"movableHolidays[{index}]";
            var rule = holiday.Rule switch
            {
                "easter-monday" => MovableHolidayRule.EasterMonday,
                "ascension" => MovableHolidayRule.Ascension,
                "corpus-domini" => MovableHolidayRule.CorpusDomini,
                _ => (MovableHolidayRule?)null,
            };
            if (rule is null)
            {
                errors.Add(new CalendarLoadError(source, $"{where}: unknown rule '{holiday.Rule}' (known: easter-monday, ascension, corpus-domini)."));
                continue;
            }

            if (holiday.Name is null)
            {
                errors.Add(new CalendarLoadError(source, $"{where}: name is required."));
                continue;
            }

            if (!Validity.IsWellFormed(holiday.ValidFrom, holiday.ValidTo))
            {
                errors.Add(new CalendarLoadError(source, $"{where}: validFrom must be earlier than validTo."));
                continue;
            }

            builder.AddMovableHoliday(rule.Value, holiday.Name, holiday.ValidFrom, holiday.ValidTo, LegalBasisOf(holiday.LegalBasis));
        }

        foreach (var (single, index) in (document.SingleDays ?? []).Select((d, i) => (d, i)))
        {
            if (single.Date is not { } date || single.Name is null)
            {
                errors.Add(new CalendarLoadError(source, $"singleDays[{index}]: date and name are required."));
                continue;
            }

            builder.AddSingleDay(date, single.Name, LegalBasisOf(single.LegalBasis));
        }

        foreach (var dayName in document.WeeklyRestDays ?? [])
        {
            if (Enum.TryParse<DayOfWeek>(dayName, ignoreCase: true, out var day) && !int.TryParse(dayName, CultureInfo.InvariantCulture, out _))
            {
                builder.AddWeeklyRestDay(day);
            }
            else
            {
                errors.Add(new CalendarLoadError(source, $"weeklyRestDays: unknown day '{dayName}'."));
            }
        }

        foreach (var (suspension, index) in (document.Suspensions ?? []).Select((s, i) => (s, i)))
        {
            var where = $"suspensions[{index}]";
            if (suspension.From is not { } from || suspension.To is not { } to || suspension.Name is null)
            {
                errors.Add(new CalendarLoadError(source, $"{where}: from, to and name are required."));
                continue;
            }

            var last = suspension.Inclusive ? to : to.AddDays(-1);
            if (last < from)
            {
                errors.Add(new CalendarLoadError(source, $"{where}: the period ends before it starts."));
                continue;
            }

            builder.AddSuspension(from, last, suspension.Name, LegalBasisOf(suspension.LegalBasis), suspension.Id, suspension.Scope);
        }
    }

    private static void ReadMunicipal(string source, MunicipalCalendarDocument document, ItalianCalendarBuilder builder, List<CalendarLoadError> errors)
    {
        var jurisdiction = document.Jurisdiction;
        if (jurisdiction is null || jurisdiction.Length != 6 || !jurisdiction.All(char.IsAsciiDigit))
        {
            errors.Add(new CalendarLoadError(source, $"jurisdiction must be a 6-digit ISTAT municipality code, found '{jurisdiction}'."));
            return;
        }

        var fileName = Path.GetFileNameWithoutExtension(source);
        if (!string.Equals(fileName, jurisdiction, StringComparison.Ordinal) && fileName.All(char.IsAsciiDigit))
        {
            errors.Add(new CalendarLoadError(source, $"the file name says {fileName} but jurisdiction is {jurisdiction}."));
            return;
        }

        if (document.PatronDaysMoveTerms)
        {
            builder.PatronDaysMoveTerms(jurisdiction);
        }

        foreach (var (patronDay, index) in (document.PatronDays ?? []).Select((p, i) => (p, i)))
        {
            if (Check(source, $"patronDays[{index}]", patronDay.Name, patronDay.Month, patronDay.Day, patronDay.ValidFrom, patronDay.ValidTo, errors) is { } name)
            {
                builder.AddPatronDay(jurisdiction, patronDay.Month, patronDay.Day, name, patronDay.ValidFrom, patronDay.ValidTo, LegalBasisOf(patronDay.LegalBasis));
            }
        }
    }

    private static LocalizedText? Check(
        string source, string where, LocalizedText? name, int month, int day, DateOnly? validFrom, DateOnly? validTo, List<CalendarLoadError> errors)
    {
        if (name is null)
        {
            errors.Add(new CalendarLoadError(source, $"{where}: name is required."));
            return null;
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2000, month))
        {
            errors.Add(new CalendarLoadError(source, $"{where}: {month}/{day} is not a day of the year."));
            return null;
        }

        if (!Validity.IsWellFormed(validFrom, validTo))
        {
            errors.Add(new CalendarLoadError(source, $"{where}: validFrom must be earlier than validTo."));
            return null;
        }

        return name;
    }

    private static IReadOnlyList<LegalBasis> LegalBasisOf(IReadOnlyList<LegalBasis>? legalBasis) => legalBasis ?? [];
}
