using StrategicCities.Core;
using StrategicCities.Core.Problems;

namespace StrategicCities.Api.Problems;

/// <summary>
/// The one table from problems to HTTP statuses: each code has a kind in Core's <see cref="ProblemCatalog"/>, and each
/// kind one status here (400 malformed, 401, 403, 404, 405, 409 conflict with the resource's state, 412, 413, 415,
/// 422 well-formed but not processable, 428, 429, 503 a pinned file missing from this deployment, 500 faults only —
/// never a client mistake). A form that breaks its schema or rules is not a problem at all: it is a 200
/// <c>ValidationReport</c> with <c>valid: false</c>.
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
        // The municipality is the resource when the path names it, an input when the query does.
        if (error.Code == ProblemCatalog.MunicipalityUnknown && error.Pointer.StartsWith("/path/", StringComparison.Ordinal))
        {
            return StatusCodes.Status404NotFound;
        }

        // Schema violations of an intervention are malformed input, whatever keyword a new vocabulary adds.
        if (!ProblemCatalog.IsDeclared(error.Code) && error.Code.StartsWith("intervention.", StringComparison.Ordinal))
        {
            return StatusCodes.Status400BadRequest;
        }

        return Of(ProblemCatalog.KindOf(error.Code));
    }

    /// <summary>The HTTP status of a kind of problem.</summary>
    public static int Of(ProblemKind kind) => kind switch
    {
        ProblemKind.Malformed => StatusCodes.Status400BadRequest,
        ProblemKind.Unauthenticated => StatusCodes.Status401Unauthorized,
        ProblemKind.Forbidden => StatusCodes.Status403Forbidden,
        ProblemKind.NotFound => StatusCodes.Status404NotFound,
        ProblemKind.MethodNotAllowed => StatusCodes.Status405MethodNotAllowed,
        ProblemKind.Conflict => StatusCodes.Status409Conflict,
        ProblemKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
        ProblemKind.PayloadTooLarge => StatusCodes.Status413PayloadTooLarge,
        ProblemKind.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        ProblemKind.PreconditionRequired => StatusCodes.Status428PreconditionRequired,
        ProblemKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
        // The deployment lacks a file a filed application pinned: the service cannot run it until an operator
        // restores the file or re-pins the application; nothing the caller sent is wrong.
        ProblemKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        ProblemKind.Fault => StatusCodes.Status500InternalServerError,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

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
