using System.Globalization;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Law;
using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Fees;

/// <summary>
/// Computes the fees of one intervention under the law in force (docs/fees/README.md): the contributo di costruzione
/// (oneri di urbanizzazione by tariff, the construction-cost share) with its exemptions and reductions, and the desk
/// charges. Exact decimal arithmetic throughout; each line is rounded once, as the national file's rounding says, and
/// totals are sums of rounded lines. Missing figures come back as errors naming the figure by JSON pointer.
/// </summary>
public static class FeeCalculator
{
    /// <summary>Computes the fees for the input JSON (docs/fees/README.md, "Input") under the law in force.</summary>
    /// <exception cref="Catalog.RuleEvaluationException">A determination rule is faulty (never a client mistake).</exception>
    public static Task<(FeeAssessment? Assessment, IReadOnlyList<InputError> Errors)> ComputeAsync(
        LawInForce law, string json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(law);
        return ComputeAsync(law.Fees, law.Catalog.Determination, law.Municipality, law.LegalDate, json, cancellationToken);
    }

    /// <summary>Computes the fees with the fee files in force and a determination engine (for hosts holding the parts, e.g. the case runner).</summary>
    /// <exception cref="Catalog.RuleEvaluationException">A determination rule is faulty (never a client mistake).</exception>
    public static async Task<(FeeAssessment? Assessment, IReadOnlyList<InputError> Errors)> ComputeAsync(
        EffectiveFees? fees, Determination.DeterminationEngine determination, Municipality municipality, DateOnly legalDate, string json,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(determination);
        ArgumentNullException.ThrowIfNull(municipality);
        ArgumentNullException.ThrowIfNull(json);
        if (fees is null)
        {
            return (null, [new InputError(InputError.Codes.NoVersion, "/query/date", new LocalizedText(
                $"Nessuna struttura nazionale dei contributi è in vigore il {legalDate:yyyy-MM-dd}.",
                $"No national fee structure is in force on {legalDate:yyyy-MM-dd}."))]);
        }

        var (input, errors) = FeeInputReader.Read(json);
        if (input is null)
        {
            return (null, errors);
        }

        if (input.InterventionJson is { } intervention)
        {
            var (determined, determinationErrors) = await determination.DetermineAsync(municipality.Code, legalDate, intervention, cancellationToken);
            if (determined is null)
            {
                return (null, [.. determinationErrors.Select(e => e.Pointer.StartsWith('/') || e.Pointer.Length == 0 ? e with { Pointer = "/intervention" + e.Pointer } : e)]);
            }

            input = input with
            {
                Regime = input.Regime ?? determined.Regime,
                Category = input.Category ?? CategoryOf(intervention),
            };
        }

        if (input.Regime is null)
        {
            errors.Add(FeeProblems.Missing("/regime", "il regime (o «intervention», da cui si determina).", "the regime (or 'intervention', from which it is determined)."));
        }

        if (input.Category is null)
        {
            errors.Add(FeeProblems.Missing("/category", "la categoria dell'intervento (art. 3 D.P.R. 380/2001).", "the intervention category (art. 3 D.P.R. 380/2001)."));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var computation = new Computation(fees, input);
        return computation.Run();
    }

    private static string? CategoryOf(string interventionJson)
    {
        using var document = System.Text.Json.JsonDocument.Parse(interventionJson);
        return document.RootElement.TryGetProperty("category", out var category) && category.ValueKind == System.Text.Json.JsonValueKind.String
            ? category.GetString()
            : null;
    }

    /// <summary>One computation: the input, the files in force, and the lines and errors gathered.</summary>
    private sealed class Computation(EffectiveFees fees, FeeInput input)
    {
        private readonly List<InputError> _errors = [];
        private readonly List<FeeLine> _lines = [];
        private readonly List<LocalizedText> _notes = [];
        private readonly FeeFileModel _national = fees.National.Model;
        private readonly string _regime = input.Regime!;
        private readonly string _category = input.Category!;

        public (FeeAssessment?, IReadOnlyList<InputError>) Run()
        {
            var exemptions = Exemptions();
            var reductions = fees.Reductions()
                .Where(r => (r.Reduction.Facts ?? []).All(input.Facts.Contains)
                    && (r.Reduction.Categories is not { Count: > 0 } || r.Reduction.Categories.Contains(_category)))
                .ToList();
            var contribution = _national.Contribution!;
            if (contribution.Regimes.Contains(_regime) && contribution.Categories.Contains(_category))
            {
                Contributo(exemptions, reductions);
            }
            else
            {
                _notes.Add(new LocalizedText(
                    $"Contributo di costruzione non calcolato: dovuto per i regimi {string.Join(", ", contribution.Regimes)} e le categorie {string.Join(", ", contribution.Categories)}.",
                    $"Contributo di costruzione not computed: it is due for regimes {string.Join(", ", contribution.Regimes)} and categories {string.Join(", ", contribution.Categories)}."));
            }

            foreach (var charge in _national.Charges!.Where(c => c.Kind == "fixed"))
            {
                Fixed(charge, reductions);
            }

            if (_errors.Count > 0)
            {
                return (null, _errors);
            }

            var rounding = _national.Rounding!;
            var contributo = _lines.Where(l => l.Part == "contributo").Sum(l => l.Amount);
            var desk = _lines.Where(l => l.Part == "desk").Sum(l => l.Amount);
            var instalments = Instalments();
            var sample = _lines.Any(l => l.Sample) || instalments.Any(i => i.Sample);
            if (sample)
            {
                _notes.Add(new LocalizedText(
                    "Alcuni valori sono dati di esempio (\"sample\"), non tariffe verificate: l'importo è indicativo.",
                    "Some values are sample data, not verified tariffs: the amount is an example."));
            }

            return (new FeeAssessment
            {
                Municipality = fees.Municipality,
                LegalDate = fees.LegalDate,
                Regime = _regime,
                Category = _category,
                Lines = _lines,
                Exemptions = [.. exemptions.Select(e => new FeeExemptionApplied(e.Id, e.Title, e.Charges, FeeCitation.Resolve(fees.National, e.LegalBasis)))],
                Contributo = contributo,
                Desk = desk,
                Total = contributo + desk,
                Rounding = new FeeRounding(rounding.Scale, rounding.Mode, "line", FeeCitation.Resolve(fees.National, rounding.LegalBasis)),
                Instalments = instalments,
                Notes = _notes,
                Sample = sample,
                RuleSets = fees.Pins,
            }, []);
        }

        private List<FeeExemptionModel> Exemptions()
        {
            var applied = new List<FeeExemptionModel>();
            foreach (var exemption in _national.Exemptions ?? [])
            {
                if (!exemption.Facts.All(input.Facts.Contains) || (exemption.Categories is { Count: > 0 } && !exemption.Categories.Contains(_category)))
                {
                    continue;
                }

                if (exemption.MaxEnlargementPercent is { } max)
                {
                    if (input.EnlargementPercent is not { } enlargement)
                    {
                        _errors.Add(FeeProblems.Missing("/enlargementPercent",
                            $"l'ampliamento in percentuale, per l'esenzione «{exemption.Id}» (fino al {max}%).",
                            $"the enlargement as a percentage, for exemption '{exemption.Id}' (up to {max}%)."));
                        continue;
                    }

                    if (enlargement > max)
                    {
                        _notes.Add(new LocalizedText(
                            $"Esenzione «{exemption.Id}» non applicata: ampliamento del {enlargement}% oltre il {max}%.",
                            $"Exemption '{exemption.Id}' not applied: enlargement of {enlargement}% above {max}%."));
                        continue;
                    }
                }

                applied.Add(exemption);
            }

            return applied;
        }

        private void Contributo(List<FeeExemptionModel> exemptions, List<ReductionInForce> reductions)
        {
            if (input.Use is null)
            {
                _errors.Add(FeeProblems.Missing("/use", "la destinazione d'uso dopo l'intervento (art. 23-ter D.P.R. 380/2001).", "the use after the intervention (art. 23-ter D.P.R. 380/2001)."));
                return;
            }

            var urbanisation = _national.Charges!.Where(c => c.Kind == "per-quantity").ToList();
            var published = urbanisation.Where(c => fees.TariffsFor(c.Id, null).Any()).ToList();
            if (published.Count == 0 && exemptions.Count == 0)
            {
                _errors.Add(FeeProblems.NoTariff("/use", "oneri di urbanizzazione", $"use={input.Use}", fees.LegalDate, fees.Municipality.Code));
            }

            foreach (var charge in published)
            {
                if (Exempt(charge, exemptions) is { } exemption)
                {
                    _lines.Add(ExemptLine(charge, exemption));
                    continue;
                }

                PerQuantity(charge, reductions);
            }

            foreach (var charge in _national.Charges!.Where(c => c.Kind == "construction-cost"))
            {
                if (Exempt(charge, exemptions) is { } exemption)
                {
                    _lines.Add(ExemptLine(charge, exemption));
                    continue;
                }

                ConstructionCost(charge, reductions);
            }
        }

        private static FeeExemptionModel? Exempt(FeeChargeModel charge, List<FeeExemptionModel> exemptions) =>
            exemptions.FirstOrDefault(e => e.Charges.Contains(charge.Id));

        private FeeLine ExemptLine(FeeChargeModel charge, FeeExemptionModel exemption) => new(
            charge.Id, charge.Part, charge.Title, 0m,
            $"esente / exempt: {exemption.Id}",
            new Dictionary<string, decimal>(), [], [], exemption.Id,
            [.. FeeCitation.Resolve(fees.National, charge.LegalBasis), .. FeeCitation.Resolve(fees.National, exemption.LegalBasis)],
            false);

        private void PerQuantity(FeeChargeModel charge, List<ReductionInForce> reductions)
        {
            var current = Select(charge, null, input.Use, "/use");
            if (current is null)
            {
                return;
            }

            var (quantity, quantityName) = QuantityFor(current.Value.Tariff.Unit!, previous: false);
            if (quantity is null)
            {
                return;
            }

            var inputs = new Dictionary<string, decimal>(StringComparer.Ordinal) { [quantityName] = quantity.Value, ["rate"] = current.Value.Tariff.Rate!.Value };
            var tariffs = new List<FeeTariffApplied> { Applied("rate", current.Value) };
            var gross = quantity.Value * current.Value.Tariff.Rate!.Value;
            var formula = $"{N(quantity.Value)} {current.Value.Tariff.Unit} × {N(current.Value.Tariff.Rate!.Value)} EUR/{current.Value.Tariff.Unit}";
            if (input.PreviousUse is { } previousUse && previousUse != input.Use)
            {
                // A change of use pays the difference between the charges of the new and the old use, never less than nothing.
                var previous = Select(charge, null, previousUse, "/previousUse");
                if (previous is null)
                {
                    return;
                }

                var (previousQuantity, previousName) = QuantityFor(previous.Value.Tariff.Unit!, previous: true);
                if (previousQuantity is null)
                {
                    return;
                }

                var credit = previousQuantity.Value * previous.Value.Tariff.Rate!.Value;
                inputs[previousName] = previousQuantity.Value;
                inputs["ratePreviousUse"] = previous.Value.Tariff.Rate!.Value;
                tariffs.Add(Applied("rate-previous-use", previous.Value));
                formula = $"max(0, {formula} − {N(previousQuantity.Value)} {previous.Value.Tariff.Unit} × {N(previous.Value.Tariff.Rate!.Value)} EUR/{previous.Value.Tariff.Unit})";
                gross = Math.Max(0m, gross - credit);
            }

            var basis = FeeCitation.Resolve(fees.National, charge.LegalBasis).Concat(current.Value.Citations);
            if (input.PreviousUse is not null && input.PreviousUse != input.Use)
            {
                basis = basis.Concat(FeeCitation.Resolve(fees.National, _national.ChangeOfUse!.LegalBasis));
            }

            AddLine(charge, gross, formula, inputs, tariffs, [.. basis], reductions);
        }

        private void ConstructionCost(FeeChargeModel charge, List<ReductionInForce> reductions)
        {
            var newResidential = input.Use == "residenziale" && FeeVocabulary.NewBuildingCategories.Contains(_category);
            if (!newResidential && input.WorksCost is null && _category == "cambio-uso")
            {
                _notes.Add(new LocalizedText(
                    "Costo di costruzione non calcolato: cambio d'uso senza costo delle opere («worksCost»).",
                    "Construction-cost share not computed: a change of use without a cost of works ('worksCost')."));
                return;
            }

            var share = Select(charge, FeeVocabulary.Share, input.Use, "/use");
            if (share is null)
            {
                return;
            }

            var percent = share.Value.Tariff.Percent!.Value;
            var tariffs = new List<FeeTariffApplied> { Applied("share", share.Value) };
            var basis = FeeCitation.Resolve(fees.National, charge.LegalBasis).Concat(share.Value.Citations).ToList();
            if (!newResidential)
            {
                // Existing buildings (art. 16 c.10) and non-residential uses (art. 19 c.2): a share of the cost of the works.
                if (input.WorksCost is not { } works)
                {
                    _errors.Add(FeeProblems.Missing("/worksCost",
                        "il costo documentato delle opere (computo metrico), in euro (art. 16 c.10 e art. 19 c.2 D.P.R. 380/2001).",
                        "the documented cost of the works (bill of quantities), in euros (art. 16 c.10 and art. 19 c.2 D.P.R. 380/2001)."));
                    return;
                }

                AddLine(charge, works * percent / 100m, $"{N(works)} EUR × {N(percent)}%",
                    new Dictionary<string, decimal>(StringComparer.Ordinal) { ["worksCost"] = works, ["share"] = percent }, tariffs, basis, reductions);
                return;
            }

            var baseCost = Select(charge, FeeVocabulary.BaseCost, input.Use, "/use");
            if (baseCost is null)
            {
                return;
            }

            var classes = _national.CostClasses!;
            if (input.UsefulSurface is not { } su || su <= 0)
            {
                _errors.Add(FeeProblems.Missing("/residential/usefulSurface", "la superficie utile abitabile Su in m² (D.M. 801/1977 art. 3).", "the useful dwelling surface Su in m² (D.M. 801/1977 art. 3)."));
                return;
            }

            if (input.UnitSurfaces is not { Count: > 0 } units)
            {
                _errors.Add(FeeProblems.Missing("/residential/unitSurfaces", "la superficie utile di ogni alloggio in m² (D.M. 801/1977 art. 5).", "the useful surface of each dwelling in m² (D.M. 801/1977 art. 5)."));
                return;
            }

            var snr = input.AccessorySurface ?? 0m;
            var features = input.SpecialFeatures ?? 0;
            var sc = su + (classes.AccessoryWeight * snr);
            var i1 = units.Sum(u => Band(classes.UnitSurfaceBands, u) * u) / su;
            var i2 = Band(classes.AccessoryRatioBands, snr * 100m / su);
            var i3 = Math.Min(features, classes.MaxFeatures) * classes.IncrementPerFeature;
            var increment = i1 + i2 + i3;
            var buildingClass = classes.Classes.First(c => c.UpTo is null || increment <= c.UpTo.Value);
            var rate = baseCost.Value.Tariff.Rate!.Value;
            var cost = rate * (100m + buildingClass.Increase) / 100m * sc;
            tariffs.Insert(0, Applied("base-cost", baseCost.Value));
            basis.AddRange(baseCost.Value.Citations);
            basis.AddRange(FeeCitation.Resolve(fees.National, classes.LegalBasis));
            AddLine(
                charge,
                cost * percent / 100m,
                $"Sc = {N(su)} + {N(classes.AccessoryWeight)} × {N(snr)} = {N(sc)} m2; i = {N(i1)} + {N(i2)} + {N(i3)} = {N(increment)}% → classe {buildingClass.Class} (+{N(buildingClass.Increase)}%); " +
                $"{N(rate)} EUR/m2 × {N(100m + buildingClass.Increase)}% × {N(sc)} m2 × {N(percent)}%",
                new Dictionary<string, decimal>(StringComparer.Ordinal)
                {
                    ["usefulSurface"] = su, ["accessorySurface"] = snr, ["complexSurface"] = sc, ["i1"] = i1, ["i2"] = i2, ["i3"] = i3,
                    ["increment"] = increment, ["classIncrease"] = buildingClass.Increase, ["baseCost"] = rate, ["share"] = percent,
                },
                tariffs,
                basis,
                reductions);
        }

        /// <summary>The increment of the band a value falls in (bands up to and including <c>upTo</c>; the last has none).</summary>
        private static decimal Band(List<FeeBandModel> bands, decimal value) => bands.First(b => b.UpTo is null || value <= b.UpTo.Value).Increment;

        private void Fixed(FeeChargeModel charge, List<ReductionInForce> reductions)
        {
            var match = Best(fees.TariffsFor(charge.Id, null), null, input.Use, charge.Id);
            if (match is null)
            {
                if (charge.Id == "diritti-segreteria")
                {
                    _notes.Add(new LocalizedText(
                        $"Nessuna tariffa comunale dei diritti di segreteria per il regime {_regime}: non addebitati.",
                        $"No municipal tariff of diritti di segreteria for regime {_regime}: none charged."));
                }

                return;
            }

            var amount = match.Value.Tariff.Amount!.Value;
            AddLine(charge, amount, $"{N(amount)} EUR",
                new Dictionary<string, decimal>(StringComparer.Ordinal) { ["amount"] = amount },
                [Applied("amount", match.Value)],
                [.. FeeCitation.Resolve(fees.National, charge.LegalBasis), .. match.Value.Citations],
                reductions);
        }

        private (FeeTariffModel Tariff, FeeVersion Layer, IReadOnlyList<FeeCitation> Citations)? Select(FeeChargeModel charge, string? parameter, string? use, string pointer)
        {
            var layers = fees.TariffsFor(charge.Id, parameter).ToList();
            var match = Best(layers, parameter, use, charge.Id);
            if (match is null && !_errors.Any(e => e.Code == FeeProblems.TariffAmbiguous))
            {
                var rows = layers.SelectMany(l => l.Tariffs);
                var selector = $"{(parameter is null ? "" : parameter + ", ")}use={use}, zone={input.Zone ?? "-"}, category={_category}";
                _errors.Add(FeeProblems.NoTariff(input.Zone is not null && rows.Any(r => r.Use == use) ? "/zone" : pointer, charge.Id, selector, fees.LegalDate, fees.Municipality.Code));
            }

            return match;
        }

        /// <summary>The most specific matching tariff of the most local layer that has one: a municipality overrides what it gives, no more.</summary>
        private (FeeTariffModel Tariff, FeeVersion Layer, IReadOnlyList<FeeCitation> Citations)? Best(
            IEnumerable<(FeeVersion Layer, IReadOnlyList<FeeTariffModel> Tariffs)> layers, string? parameter, string? use, string charge)
        {
            foreach (var (layer, rows) in layers)
            {
                var matches = rows.Where(r => FeeTariff.Matches(r, parameter, use, input.Zone, _category, _regime))
                    .GroupBy(FeeTariff.Specificity).OrderByDescending(g => g.Key).FirstOrDefault()?.ToList();
                if (matches is not { Count: > 0 })
                {
                    continue;
                }

                if (matches.Count > 1)
                {
                    _errors.Add(FeeProblems.Ambiguous("", charge, layer.Header.File));
                    return null;
                }

                return (matches[0], layer, FeeCitation.Resolve(layer, matches[0].LegalBasis));
            }

            return null;
        }

        private (decimal? Quantity, string Name) QuantityFor(string unit, bool previous)
        {
            var (value, name, it, en) = unit == "m3"
                ? (previous ? input.PreviousVolume ?? input.Volume : input.Volume, previous && input.PreviousVolume is not null ? "previousVolume" : "volume", "il volume in m³", "the volume in m³")
                : (previous ? input.PreviousSurface ?? input.Surface : input.Surface, previous && input.PreviousSurface is not null ? "previousSurface" : "surface", "la superficie in m²", "the surface in m²");
            if (value is null)
            {
                _errors.Add(FeeProblems.Missing("/" + (unit == "m3" ? "volume" : "surface"),
                    $"{it}: la tariffa comunale è per {unit}.", $"{en}: the municipal tariff is per {unit}."));
            }

            return (value, name);
        }

        private static FeeTariffApplied Applied(string name, (FeeTariffModel Tariff, FeeVersion Layer, IReadOnlyList<FeeCitation> Citations) match)
        {
            var t = match.Tariff;
            var (value, unit) = t.Rate is { } rate ? (rate, "EUR/" + t.Unit) : t.Amount is { } amount ? (amount, "EUR") : (t.Percent!.Value, "%");
            return new FeeTariffApplied(name, value, unit, FeeTariff.Describe(t), match.Layer.Header.Layer.Name(), match.Layer.Header.File, t.Sample, t.Note);
        }

        private void AddLine(
            FeeChargeModel charge, decimal gross, string formula, Dictionary<string, decimal> inputs,
            List<FeeTariffApplied> tariffs, List<FeeCitation> basis, List<ReductionInForce> reductions)
        {
            var applied = new List<FeeReductionApplied>();
            var amount = gross;
            foreach (var reduction in reductions.Where(r => (r.Reduction.Charges ?? []).Contains(charge.Id)))
            {
                // Several reductions apply in order, each to what the previous ones left.
                var off = amount * reduction.Percent / 100m;
                amount -= off;
                applied.Add(new FeeReductionApplied(reduction.Reduction.Id, reduction.Percent, off, reduction.Citations, reduction.Sample));
                formula += $" − {N(reduction.Percent)}% ({reduction.Reduction.Id})";
            }

            var rounded = Round(amount);
            _lines.Add(new FeeLine(charge.Id, charge.Part, charge.Title, rounded, $"{formula} = {rounded.ToString("0.00", CultureInfo.InvariantCulture)}",
                inputs, tariffs, applied, null, basis, tariffs.Any(t => t.Sample) || applied.Any(r => r.Sample)));
        }

        private decimal Round(decimal amount)
        {
            var rounding = _national.Rounding!;
            return Math.Round(amount, rounding.Scale, rounding.Mode == "half-even" ? MidpointRounding.ToEven : MidpointRounding.AwayFromZero);
        }

        private List<FeeInstalment> Instalments()
        {
            if (fees.Local?.Model.Instalments is not { } plan)
            {
                return [];
            }

            var total = _lines.Where(l => plan.Charges.Contains(l.Charge)).Sum(l => l.Amount);
            if (total <= 0)
            {
                return [];
            }

            var unit = _national.Rounding!.Scale;
            var each = Math.Floor(total / plan.Count * Pow10(unit)) / Pow10(unit);
            var first = total - (each * (plan.Count - 1));
            var basis = FeeCitation.Resolve(fees.Local, plan.LegalBasis);
            return [.. Enumerable.Range(1, plan.Count).Select(n => new FeeInstalment(n, (n - 1) * plan.IntervalMonths, n == 1 ? first : each, plan.Guarantee, basis, plan.Sample))];
        }

        private static decimal Pow10(int scale) => scale switch { 0 => 1m, 1 => 10m, 2 => 100m, 3 => 1000m, _ => 10000m };

        private static string N(decimal value) => value.ToString("0.00##", CultureInfo.InvariantCulture);
    }
}
