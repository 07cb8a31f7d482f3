using StrategicCities.Core.Catalog;

namespace StrategicCities.Core.Forms;

/// <summary>
/// The form checks of <c>permits lint</c> (and of NUnit): the schemas load (keywords NJsonSchema enforces only,
/// validity series, municipal extensions within their extension points), every example behaves both ways, and
/// municipal overlays of form rules stay optional (D.Lgs. 126/2016 art. 2 c.5).
/// </summary>
public static class FormLint
{
    /// <summary>Every problem found; empty when the forms are consistent.</summary>
    public static async Task<IReadOnlyList<CatalogProblem>> CheckAsync(
        RuleCatalog? catalog, CatalogSources sources, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var (schemas, problems) = await FormSchemaProvider.LoadAsync(sources.SchemasDirectory, cancellationToken);
        var all = problems.Select(p => p with { File = "schemas/" + p.File }).ToList();
        if (catalog is null)
        {
            return all;
        }

        foreach (var overlay in catalog.Overlays.Where(o => o.Overlays.StartsWith("forms/", StringComparison.Ordinal) && o.Header.Layer == Layer.Municipality))
        {
            foreach (var rule in overlay.Add.Concat(overlay.Override))
            {
                if (rule.Severity == "error")
                {
                    all.Add(new(overlay.Header.File, rule.Name, "forms.local-check-mandatory",
                        "a municipality may not make data mandatory beyond the national form (D.Lgs. 126/2016 art. 2 c.5): use severity warning or info"));
                }

                if (rule.Pointer is { } pointer && !pointer.StartsWith("/estensioniLocali", StringComparison.Ordinal))
                {
                    all.Add(new(overlay.Header.File, rule.Name, "forms.local-check-pointer",
                        $"a municipal check may only point into /estensioniLocali, not {pointer}"));
                }
            }
        }

        foreach (var id in catalog.RuleSetIds.Where(id => id.StartsWith("forms/", StringComparison.Ordinal)))
        {
            if (schemas is not null && !schemas.IsForm(id["forms/".Length..]))
            {
                all.Add(new(catalog.Versions(id)[0].Header.File, null, "forms.no-schema", $"rule set '{id}' has no schema under schemas/forms"));
            }
        }

        if (schemas is not null)
        {
            var (exampleProblems, _) = await FormExamples.CheckAsync(new FormValidator(catalog, schemas), cancellationToken);
            all.AddRange(exampleProblems.Select(p => p with { File = "schemas/" + p.File }));
        }

        return all;
    }
}
