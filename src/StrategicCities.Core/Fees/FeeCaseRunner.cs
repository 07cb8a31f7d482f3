using System.Globalization;
using System.Text.Json;
using StrategicCities.Core.Cases;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Determination;

namespace StrategicCities.Core.Fees;

/// <summary>
/// Runs a fee case (rules/tests/fees, <c>"kind": "fees"</c>) through <see cref="FeeCalculator"/> and compares what the
/// case lists: totals, amounts of the lines named, lines that must be absent, exemptions and reductions applied (exact
/// sets), instalments, the sample flag, and for a refused input the error codes and pointers.
/// </summary>
public static class FeeCaseRunner
{
    /// <summary>Runs one case; the list is empty when it holds.</summary>
    public static async Task<List<string>> RunAsync(
        FeeCatalog fees, DeterminationEngine determination, LegalCase c, DateOnly legalDate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fees);
        ArgumentNullException.ThrowIfNull(determination);
        ArgumentNullException.ThrowIfNull(c);
        var (municipality, error) = determination.Catalog.FindMunicipality(c.Municipality);
        var (assessment, errors) = municipality is null
            ? (null, [error!])
            : await FeeCalculator.ComputeAsync(fees.Resolve(municipality, legalDate), determination, municipality, legalDate, c.InputJson, cancellationToken);
        var failures = new List<string>();
        var expect = c.Expect;
        if (expect.TryGetProperty("errors", out var codes))
        {
            foreach (var code in codes.EnumerateArray().Select(e => e.GetString()!).Where(code => errors.All(e => e.Code != code)))
            {
                failures.Add($"expected error {code}, got {(errors.Count == 0 ? "none" : string.Join(", ", errors.Select(e => $"{e.Code} at {e.Pointer}")))}");
            }

            if (expect.TryGetProperty("pointers", out var pointers))
            {
                failures.AddRange(pointers.EnumerateArray().Select(p => p.GetString()!).Where(p => errors.All(e => e.Pointer != p))
                    .Select(p => $"expected an error at {p}, got {string.Join(", ", errors.Select(e => e.Pointer))}"));
            }

            return failures;
        }

        if (assessment is null)
        {
            return [$"refused: {string.Join("; ", errors)}"];
        }

        void Amount(string name, decimal actual)
        {
            if (expect.TryGetProperty(name, out var value) && value.GetDecimal() != actual)
            {
                failures.Add($"{name}: expected {value.GetDecimal().ToString(CultureInfo.InvariantCulture)}, got {actual.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        Amount("total", assessment.Total);
        Amount("contributo", assessment.Contributo);
        Amount("desk", assessment.Desk);
        if (expect.TryGetProperty("regime", out var regime) && regime.GetString() != assessment.Regime)
        {
            failures.Add($"regime: expected {regime.GetString()}, got {assessment.Regime}");
        }

        if (expect.TryGetProperty("lines", out var lines))
        {
            foreach (var line in lines.EnumerateObject())
            {
                var actual = assessment.Lines.FirstOrDefault(l => l.Charge == line.Name);
                if (actual is null)
                {
                    failures.Add($"line {line.Name}: missing (lines: {string.Join(", ", assessment.Lines.Select(l => l.Charge))})");
                }
                else if (actual.Amount != line.Value.GetDecimal())
                {
                    failures.Add($"line {line.Name}: expected {line.Value.GetDecimal().ToString(CultureInfo.InvariantCulture)}, got {actual.Amount.ToString(CultureInfo.InvariantCulture)} ({actual.Formula})");
                }
            }
        }

        if (expect.TryGetProperty("notLines", out var absent))
        {
            failures.AddRange(absent.EnumerateArray().Select(a => a.GetString()!).Where(a => assessment.Lines.Any(l => l.Charge == a))
                .Select(a => $"line {a}: expected absent, got {assessment.Lines.First(l => l.Charge == a).Amount.ToString(CultureInfo.InvariantCulture)}"));
        }

        Set("exemptions", assessment.Exemptions.Select(e => e.Id));
        Set("reductions", assessment.Lines.SelectMany(l => l.Reductions).Select(r => r.Id).Distinct());
        if (expect.TryGetProperty("instalments", out var instalments))
        {
            var want = instalments.EnumerateArray().Select(i => i.GetDecimal()).ToList();
            var got = assessment.Instalments.Select(i => i.Amount).ToList();
            if (!want.SequenceEqual(got))
            {
                failures.Add($"instalments: expected [{string.Join(", ", want)}], got [{string.Join(", ", got)}]");
            }
        }

        if (expect.TryGetProperty("sample", out var sample) && sample.GetBoolean() != assessment.Sample)
        {
            failures.Add($"sample: expected {sample.GetBoolean()}, got {assessment.Sample}");
        }

        return failures;

        void Set(string name, IEnumerable<string> actual)
        {
            if (!expect.TryGetProperty(name, out var wanted))
            {
                return;
            }

            var want = wanted.EnumerateArray().Select(w => w.GetString()!).Order(StringComparer.Ordinal).ToList();
            var got = actual.Order(StringComparer.Ordinal).ToList();
            if (!want.SequenceEqual(got))
            {
                failures.Add($"{name}: expected [{string.Join(", ", want)}], got [{string.Join(", ", got)}]");
            }
        }
    }
}
