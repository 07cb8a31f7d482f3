using StrategicCities.Core.Catalog;

namespace StrategicCities.Core.Forms;

/// <summary>
/// Proves every form schema with its examples (NJsonSchema ignores what it does not model, so only a failing
/// negative example shows a constraint works): <c>schemas/forms/&lt;form&gt;/examples/&lt;version&gt;/valid/*.json</c>
/// must pass, and each <c>invalid/&lt;code&gt;--&lt;reason&gt;.json</c> must fail with exactly one issue whose code is
/// the file name's prefix (so it fails for the one stated reason). Shared by <c>permits lint</c> and NUnit.
/// </summary>
/// <remarks>
/// An invalid example whose code is not a schema code (<c>form.regime-mismatch--…</c>) shows a check beyond the schema:
/// it must pass the schema, and the full validation for <see cref="ReferenceMunicipality"/> on the version's first day
/// must refuse it with exactly that one error. Valid examples must fit their regime and place in the same validation.
/// </remarks>
public static class FormExamples
{
    /// <summary>Where the examples' works are (Milano): the municipality their full validation is for.</summary>
    public const string ReferenceMunicipality = "015146";

    /// <summary>
    /// The server's schema verdict on one example, for the cross-implementation checks (tests/ajv, the widget): an
    /// example of a check beyond the schema is schema-valid, whatever the full validation says.
    /// </summary>
    public sealed record Verdict(string File, string Form, string Version, bool Valid, IReadOnlyList<string> Codes);

    /// <summary>Whether an invalid example's code is one the schema alone decides.</summary>
    public static bool IsSchemaCode(string code) => code.StartsWith("schema.", StringComparison.Ordinal);

    /// <summary>Validates every example both ways; returns one problem per example that misbehaves, and every verdict.</summary>
    public static async Task<(IReadOnlyList<CatalogProblem> Problems, IReadOnlyList<Verdict> Verdicts)> CheckAsync(
        FormValidator validator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(validator);
        var problems = new List<CatalogProblem>();
        var verdicts = new List<Verdict>();
        var schemas = validator.Schemas;
        foreach (var form in schemas.Forms)
        {
            foreach (var version in schemas.Versions(form))
            {
                var folder = Path.Combine(schemas.SchemasDirectory, "forms", form, "examples", version.Version);
                var valid = Files(folder, "valid");
                var invalid = Files(folder, "invalid");
                if (valid.Count == 0 || invalid.Count == 0)
                {
                    problems.Add(new(version.File, null, "schema.examples-missing",
                        $"every version needs examples/{version.Version}/valid/*.json and invalid/*.json"));
                }

                foreach (var (file, expectValid) in valid.Select(f => (f, true)).Concat(invalid.Select(f => (f, false))))
                {
                    var relative = FormSchemaProvider.Relative(schemas.SchemasDirectory, file);
                    var json = await File.ReadAllTextAsync(file, cancellationToken);
                    var (issues, error) = await validator.ValidateSchemaAsync(version, json, cancellationToken);
                    if (error is not null)
                    {
                        problems.Add(new(relative, null, "schema.example-unreadable", error.ToString()));
                        continue;
                    }

                    var codes = issues.Select(i => i.Code).ToList();
                    verdicts.Add(new Verdict(relative, form, version.Version, codes.Count == 0, codes));
                    var name = Path.GetFileNameWithoutExtension(file);
                    var cut = name.IndexOf("--", StringComparison.Ordinal);
                    var expected = cut > 0 ? name[..cut] : null;
                    if (expectValid && codes.Count > 0)
                    {
                        problems.Add(new(relative, null, "schema.example-refused",
                            $"a valid example fails: {string.Join("; ", issues.Select(i => $"{i.Code} at {i.Pointer}"))}"));
                    }
                    else if (expectValid || (expected is not null && !IsSchemaCode(expected)))
                    {
                        if (await CheckBeyondSchemaAsync(validator, version, json, expectValid ? null : expected, codes, cancellationToken) is { } problem)
                        {
                            problems.Add(new(relative, null, "schema.example-accepted", problem));
                        }
                    }
                    else
                    {
                        if (expected is null)
                        {
                            problems.Add(new(relative, null, "schema.example-name", "name an invalid example <code>--<reason>.json, e.g. schema.required--manca-dichiarante.json"));
                        }
                        else if (codes.Count != 1 || codes[0] != expected)
                        {
                            problems.Add(new(relative, null, "schema.example-accepted",
                                codes.Count == 0
                                    ? $"an invalid example passes: the schema does not enforce '{expected}'"
                                    : $"should fail for exactly one reason ({expected}) but fails with: {string.Join("; ", issues.Select(i => $"{i.Code} at {i.Pointer}"))}"));
                        }
                    }
                }
            }
        }

        return (problems, verdicts);
    }

    /// <summary>
    /// The full validation of a schema-valid example for <see cref="ReferenceMunicipality"/>: a valid example must fit
    /// its regime and place (<paramref name="expected"/> null); an invalid one must fail with exactly the error it names.
    /// </summary>
    private static async Task<string?> CheckBeyondSchemaAsync(
        FormValidator validator, FormSchemaVersion version, string json, string? expected, List<string> schemaCodes, CancellationToken cancellationToken)
    {
        if (schemaCodes.Count > 0)
        {
            return $"an example of {expected} must pass the schema, but fails with: {string.Join("; ", schemaCodes)}";
        }

        var (report, errors) = await validator.ValidateAsync(version.Form, ReferenceMunicipality, version.Validity.From, json, cancellationToken);
        if (report is null)
        {
            return $"the full validation refuses the request: {string.Join("; ", errors)}";
        }

        if (expected is null)
        {
            var misfits = report.Errors.Where(e => e.Code.StartsWith("form.", StringComparison.Ordinal)).ToList();
            return misfits.Count == 0 ? null
                : $"a valid example does not fit: {string.Join("; ", misfits.Select(i => $"{i.Code} at {i.Pointer}"))}";
        }

        return report.Errors.Count == 1 && report.Errors[0].Code == expected ? null
            : report.Errors.Count == 0
                ? $"an invalid example passes the full validation for {ReferenceMunicipality}: '{expected}' is not enforced"
                : $"should fail for exactly one reason ({expected}) but fails with: {string.Join("; ", report.Errors.Select(i => $"{i.Code} at {i.Pointer}"))}";
    }

    private static List<string> Files(string folder, string kind)
    {
        var directory = Path.Combine(folder, kind);
        return Directory.Exists(directory) ? [.. Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal)] : [];
    }
}
