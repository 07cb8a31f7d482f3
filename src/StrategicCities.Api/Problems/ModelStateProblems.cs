using Microsoft.AspNetCore.Mvc;
using StrategicCities.Core;

namespace StrategicCities.Api.Problems;

/// <summary>
/// Model-binding failures in our problem shape. Actions take strings and parse them themselves, so
/// this is a safety net for future endpoints, not the normal path.
/// </summary>
public static class ModelStateProblems
{
    /// <summary>The <c>InvalidModelStateResponseFactory</c>.</summary>
    public static IActionResult Create(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var errors = context.ModelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .Select(e => ProblemFactory.Error(ProblemCodes.RequestInvalid, "/query/" + e.Key,
                $"Valore non valido per \"{e.Key}\".", $"Invalid value for \"{e.Key}\"."))
            .ToList();
        if (errors.Count == 0)
        {
            errors.Add(ProblemFactory.Error(ProblemCodes.RequestInvalid, "", "Richiesta non valida.", "Invalid request."));
        }

        var problems = context.HttpContext.RequestServices.GetRequiredService<ProblemFactory>();
        return problems.Result(context.HttpContext, (IReadOnlyList<InputError>)errors);
    }
}
