using StrategicCities.Core.Legal;
using System.Globalization;
using StrategicCities.Api.Problems;
using StrategicCities.Core;

namespace StrategicCities.Api.Http;

/// <summary>Parsing of the query and path parameters shared by the endpoints; mistakes are input errors with a pointer.</summary>
public static class QueryParameters
{
    /// <summary>Pointer of the <c>date</c> query parameter.</summary>
    public const string DatePointer = "/query/date";

    /// <summary>Pointer of the <c>municipality</c> query parameter.</summary>
    public const string MunicipalityQueryPointer = "/query/municipality";

    /// <summary>Pointer of the <c>{municipality}</c> path segment.</summary>
    public const string MunicipalityPathPointer = "/path/municipality";

    /// <summary>Pointer of the <c>{form}</c> path segment.</summary>
    public const string FormPathPointer = "/path/form";

    /// <summary>The legal date: <c>yyyy-MM-dd</c>, or today in Europe/Rome when absent.</summary>
    public static (DateOnly Date, InputError? Error) LegalDate(string? value, TimeProvider clock)
    {
        if (string.IsNullOrEmpty(value))
        {
            return (RomeCalendar.Today(clock), null);
        }

        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? (date, null)
            : (default, new InputError(InputError.Codes.LegalDateInvalid, DatePointer, new Core.Legal.LocalizedText(
                $"La data deve essere una data di calendario nel formato aaaa-mm-gg (ad es. 2025-03-01): ricevuto \"{Shorten(value)}\".",
                $"The date must be a calendar date in the form yyyy-MM-dd (e.g. 2025-03-01): got \"{Shorten(value)}\".")));
    }

    /// <summary>
    /// The required <c>municipality</c> and the optional <c>date</c> query parameters of the public endpoints:
    /// the legal date, and every mistake in the two (both reported at once).
    /// </summary>
    public static (DateOnly Date, IReadOnlyList<InputError> Errors) MunicipalityAndDate(string? municipality, string? date, TimeProvider clock)
    {
        var errors = new List<InputError>(2);
        if (string.IsNullOrEmpty(municipality))
        {
            errors.Add(Missing("municipality", "codice ISTAT a 6 cifre, ad es. 015146", "6-digit ISTAT code, e.g. 015146"));
        }

        var (legalDate, dateError) = LegalDate(date, clock);
        if (dateError is not null)
        {
            errors.Add(dateError);
        }

        return (legalDate, errors);
    }

    /// <summary>A required query parameter is missing.</summary>
    public static InputError Missing(string name, string exampleIt, string exampleEn) =>
        ProblemFactory.Error(ProblemCodes.QueryMissing, "/query/" + name,
            $"Manca il parametro obbligatorio \"{name}\" ({exampleIt}).",
            $"Required query parameter \"{name}\" is missing ({exampleEn}).");

    /// <summary>
    /// Points Core's errors at the parts of the HTTP request they came from: Core says
    /// <c>/municipality</c>, <c>/legalDate</c> and <c>/form</c>; here they are a query parameter or a path segment.
    /// </summary>
    public static IReadOnlyList<InputError> Relocate(IReadOnlyList<InputError> errors, string municipalityPointer) =>
    [
        .. errors.Select(e => e.Pointer switch
        {
            "/municipality" => e with { Pointer = municipalityPointer },
            "/legalDate" => e with { Pointer = DatePointer },
            "/form" => e with { Pointer = FormPathPointer },
            _ => e,
        }),
    ];

    // Echo at most a few characters of what the client sent.
    private static string Shorten(string value) => value.Length <= 20 ? value : value[..20] + "…";
}
