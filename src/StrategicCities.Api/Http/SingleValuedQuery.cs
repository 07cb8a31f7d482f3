using StrategicCities.Api.Problems;

namespace StrategicCities.Api.Http;

/// <summary>
/// Every query parameter of the API takes one value: a parameter given twice (<c>?municipality=015146&amp;municipality=058091</c>,
/// names compared without regard to case as model binding does) is refused with 400 <c>query.repeated</c> instead of
/// silently taking the first.
/// </summary>
public static class SingleValuedQuery
{
    /// <summary>Refuses requests whose query repeats a parameter.</summary>
    public static WebApplication UseSingleValuedQuery(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            if (context.Request.QueryString.HasValue)
            {
                foreach (var (name, values) in context.Request.Query)
                {
                    if (values.Count > 1)
                    {
                        var shown = name.Length <= 40 ? name : name[..40] + "…";
                        var problems = context.RequestServices.GetRequiredService<ProblemFactory>();
                        await problems.WriteAsync(context, [ProblemFactory.Error(ProblemCodes.QueryRepeated, "/query/" + EscapePointer(shown),
                            $"Il parametro \"{shown}\" compare {values.Count} volte: ogni parametro della richiesta ammette un solo valore.",
                            $"Query parameter \"{shown}\" appears {values.Count} times: every query parameter takes a single value.")],
                            StatusCodes.Status400BadRequest);
                        return;
                    }
                }
            }

            await next(context);
        });
        return app;
    }

    private static string EscapePointer(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
