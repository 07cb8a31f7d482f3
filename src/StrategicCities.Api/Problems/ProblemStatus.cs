using StrategicCities.Core.Procedures;
using StrategicCities.Core;
using StrategicCities.Core.Law;

namespace StrategicCities.Api.Problems;

/// <summary>
/// The one table from error codes to HTTP statuses.
/// <list type="bullet">
/// <item>400: the request is malformed: not JSON, not an object where a form is expected, too deep, unknown field, wrong type, value outside the
/// vocabulary, missing required field, a query parameter missing or not in its format.</item>
/// <item>404: no route; the municipality named by the URL path does not exist; no form has the code in the path.</item>
/// <item>413 / 415: body too large / not JSON.</item>
/// <item>422: well-formed but not processable: a municipality named in the query that does not exist,
/// a legal date on which no version of the rules is in force.</item>
/// <item>503: a file a filed application pinned is missing from this deployment (law.pinned-version-missing).</item>
/// <item>500: faults only (rules.fault, internal), never a client mistake.</item>
/// </list>
/// Codes not listed are 422. A form that breaks its schema or rules is not a problem at all: it is a
/// 200 <c>ValidationReport</c> with <c>valid: false</c>.
/// </summary>
public static class ProblemStatus
{
    // When a request has mistakes of several kinds, the status of the most basic one wins:
    // fix the syntax before asking whether the law can answer.
    private static readonly int[] Precedence =
    [
        StatusCodes.Status415UnsupportedMediaType,
        StatusCodes.Status413PayloadTooLarge,
        StatusCodes.Status400BadRequest,
        StatusCodes.Status404NotFound,
        StatusCodes.Status405MethodNotAllowed,
        StatusCodes.Status422UnprocessableEntity,
    ];

    /// <summary>The status of one error.</summary>
    public static int For(InputError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Code switch
        {
            ProblemCodes.BodyEmpty or ProblemCodes.BodyNotJson or ProblemCodes.BodyTooDeep or ProblemCodes.BodyNotObject
                or ProblemCodes.QueryMissing or ProblemCodes.QueryRepeated or ProblemCodes.RequestInvalid
                or InputError.Codes.MunicipalityInvalid or InputError.Codes.LegalDateInvalid => StatusCodes.Status400BadRequest,
            ProblemCodes.BodyTooLarge => StatusCodes.Status413PayloadTooLarge,
            ProblemCodes.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
            ProblemCodes.RouteNotFound or ProblemCodes.FormUnknown or ProcedureCatalog.UnknownProcedure => StatusCodes.Status404NotFound,
            ProblemCodes.GraphFormatUnknown => StatusCodes.Status400BadRequest,
            ProblemCodes.MethodNotAllowed => StatusCodes.Status405MethodNotAllowed,
            // The municipality is the resource when the path names it, an input when the query does.
            InputError.Codes.MunicipalityUnknown => error.Pointer.StartsWith("/path/", StringComparison.Ordinal)
                ? StatusCodes.Status404NotFound
                : StatusCodes.Status422UnprocessableEntity,
            InputError.Codes.NoVersion => StatusCodes.Status422UnprocessableEntity,
            ProblemCodes.RulesFault or ProblemCodes.Internal => StatusCodes.Status500InternalServerError,
            // The deployment lacks a file a filed application pinned: the service cannot run it until an operator
            // restores the file or re-pins the application; nothing the caller sent is wrong.
            LawProblems.PinnedVersionMissing => StatusCodes.Status503ServiceUnavailable,
            // Schema violations of an intervention: malformed input.
            _ when error.Code.StartsWith("intervention.", StringComparison.Ordinal) => StatusCodes.Status400BadRequest,
            // A fee input of the wrong shape is malformed; a missing figure or tariff is 422 (the default).
            Core.Fees.FeeProblems.InputInvalid => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
    }

    /// <summary>The errors, most basic first (stable within a status): the first one is the one that decides.</summary>
    public static IReadOnlyList<InputError> Order(IReadOnlyList<InputError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return [.. errors.OrderBy(e => Array.IndexOf(Precedence, For(e)) is var i and >= 0 ? i : Precedence.Length)];
    }

    /// <summary>The status of a list of errors and the first error that decided it.</summary>
    public static (int Status, InputError Decisive) For(IReadOnlyList<InputError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("A problem needs at least one error.", nameof(errors));
        }

        var statuses = errors.Select(e => (Status: For(e), Error: e)).ToList();
        foreach (var status in Precedence)
        {
            var match = statuses.FirstOrDefault(s => s.Status == status);
            if (match.Error is not null)
            {
                return match;
            }
        }

        return statuses[0];
    }
}
