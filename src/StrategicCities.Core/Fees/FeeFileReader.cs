using System.Text.Json;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Fees;

/// <summary>
/// Reads one fee file strictly (unknown members refused) and checks what a file can check alone: its place, header and
/// validity, the parts its layer may carry, the vocabulary, and that every value carries a legal basis citing a declared
/// instrument. Checks against the national structure are the loader's (<see cref="FeeLoader"/>).
/// </summary>
internal static class FeeFileReader
{
    /// <summary>The folder, under a layer's folder, that holds fee files; also the rule-set id.</summary>
    public const string Folder = "fees";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Disallow,
    };

    public static FeeVersion? Read(string relativePath, byte[] bytes, List<CatalogProblem> problems)
    {
        var location = RuleFileLocation.Parse(relativePath);
        if (location is null || location.RuleSet != Folder)
        {
            problems.Add(new(relativePath, null, "file.misplaced",
                "a fee file must be national/fees/<version>.json, regions/<rr>/fees/<version>.json or municipalities/<istat>/fees/<version>.json"));
            return null;
        }

        FeeFileModel? model;
        try
        {
            model = JsonSerializer.Deserialize<FeeFileModel>(bytes, Options);
        }
        catch (JsonException ex)
        {
            problems.Add(new(relativePath, ex.Path, "json.invalid", $"not a fee file: {ex.Message}"));
            return null;
        }

        if (model is null)
        {
            problems.Add(new(relativePath, null, "json.invalid", "not a fee file: the document is null"));
            return null;
        }

        var count = problems.Count;
        void Problem(string? element, string code, string message) => problems.Add(new(relativePath, element, code, message));
        if (model.Id != Folder)
        {
            Problem(null, "file.misplaced", $"the file declares rule set '{model.Id}' but lies in a fees folder (id must be \"fees\")");
        }

        if (model.Version != location.Version)
        {
            Problem(null, "file.misplaced", $"the file declares version {model.Version} but is named {RuleFileLocation.FileName(location.Version, location.Revision)}");
        }

        if (model.Jurisdiction != location.Jurisdiction)
        {
            Problem(null, "file.misplaced", $"the file declares jurisdiction '{model.Jurisdiction}' but lies under '{location.Jurisdiction}'");
        }

        var from = RuleFileReader.ParseDate(model.ValidFrom);
        DateOnly? to = model.ValidTo is null ? null : RuleFileReader.ParseDate(model.ValidTo);
        if (from is null || (model.ValidTo is not null && to is null))
        {
            Problem(null, "validity.invalid", "validFrom/validTo is not a real calendar date (yyyy-MM-dd)");
            return null;
        }

        if (to is not null && to.Value <= from.Value)
        {
            Problem(null, "validity.invalid", $"validTo {to:yyyy-MM-dd} must come after validFrom {from:yyyy-MM-dd} (validity is half-open)");
        }

        if (model.Version != model.ValidFrom)
        {
            Problem(null, "validity.invalid", $"version {model.Version} must equal validFrom {model.ValidFrom}");
        }

        if (location.Layer == Layer.National)
        {
            CheckNational(model, Problem);
        }
        else
        {
            CheckOverlay(model, location.Layer, Problem);
        }

        CheckValues(model, Problem);
        if (problems.Count > count)
        {
            return null;
        }

        var header = new RuleFileHeader
        {
            Id = Folder,
            Layer = location.Layer,
            Jurisdiction = model.Jurisdiction,
            Version = model.Version,
            Revision = location.Revision,
            Validity = new Validity(from.Value, to),
            Title = model.Title,
            Instruments = model.Instruments,
            File = relativePath,
            ContentHash = ContentHash.Of(bytes),
        };
        return new FeeVersion(header, model);
    }

    private static void CheckNational(FeeFileModel model, Action<string?, string, string> problem)
    {
        if (model.Layer is not null || model.Overlays is not null)
        {
            problem(null, "fees.layer-invalid", "a national fee file declares neither \"layer\" nor \"overlays\"");
        }

        foreach (var (name, missing) in new (string, bool)[]
                 {
                     ("rounding", model.Rounding is null), ("charges", model.Charges is null), ("contribution", model.Contribution is null),
                     ("costShareBounds", model.CostShareBounds is null), ("costClasses", model.CostClasses is null), ("changeOfUse", model.ChangeOfUse is null),
                 }.Where(p => p.Item2))
        {
            problem(name, "fees.national-incomplete", $"the national structure must declare \"{name}\"");
        }

        if (model.Instalments is not null)
        {
            problem("instalments", "fees.overlay-not-allowed", "instalments are allowed by the municipality (art. 16 c.2 D.P.R. 380/2001), not by the national file");
        }

        var charges = model.Charges ?? [];
        foreach (var charge in charges)
        {
            if (!FeeVocabulary.Kinds.Contains(charge.Kind))
            {
                problem($"charge {charge.Id}", "fees.vocabulary", $"kind '{charge.Kind}' is not one of {string.Join(", ", FeeVocabulary.Kinds)}");
            }

            if (!FeeVocabulary.Parts.Contains(charge.Part))
            {
                problem($"charge {charge.Id}", "fees.vocabulary", $"part '{charge.Part}' is not one of {string.Join(", ", FeeVocabulary.Parts)}");
            }

            foreach (var layer in charge.SetBy.Where(l => Layers.Parse(l) is not (Layer.Region or Layer.Municipality)))
            {
                problem($"charge {charge.Id}", "fees.vocabulary", $"setBy '{layer}' is not 'region' or 'municipality'");
            }
        }

        foreach (var duplicate in charges.GroupBy(c => c.Id).Where(g => g.Count() > 1))
        {
            problem($"charge {duplicate.Key}", "fees.duplicate", $"charge '{duplicate.Key}' is declared twice");
        }

        if (model.Contribution is { } contribution)
        {
            Vocabulary("contribution", "regime", contribution.Regimes, FeeVocabulary.Regimes, problem);
            Vocabulary("contribution", "category", contribution.Categories, FeeVocabulary.Categories, problem);
        }

        var ids = charges.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var exemption in model.Exemptions ?? [])
        {
            CheckCharges($"exemption {exemption.Id}", exemption.Charges, ids, problem);
        }

        foreach (var reduction in model.Reductions ?? [])
        {
            CheckCharges($"reduction {reduction.Id}", reduction.Charges ?? [], ids, problem);
            if (reduction.MinPercent is { } min && reduction.Percent < min)
            {
                problem($"reduction {reduction.Id}", "fees.reduction-below-minimum", $"percent {reduction.Percent} is below the minimum {min} the law sets");
            }
        }

        foreach (var tariff in model.Tariffs ?? [])
        {
            if (!ids.Contains(tariff.Charge))
            {
                problem($"tariff {tariff.Charge}", "fees.unknown-charge", $"no charge '{tariff.Charge}' is declared in \"charges\"");
            }
        }

        if (model.Rounding is { } rounding && (rounding.Scale is < 0 or > 4 || rounding.Mode is not ("half-up" or "half-even")))
        {
            problem("rounding", "fees.rounding-invalid", "rounding needs a scale from 0 to 4 and a mode 'half-up' or 'half-even'");
        }

        if (model.ChangeOfUse is { Method: not "difference" })
        {
            problem("changeOfUse", "fees.vocabulary", "the only method of a change of use is 'difference'");
        }
    }

    private static void CheckOverlay(FeeFileModel model, Layer layer, Action<string?, string, string> problem)
    {
        if (Layers.Parse(model.Layer) != layer)
        {
            problem(null, "file.misplaced", $"the file declares layer '{model.Layer}' but lies under the {layer.Name()} folder");
        }

        if (model.Overlays != Folder)
        {
            problem(null, "fees.layer-invalid", "an overlay of the fees declares \"overlays\": \"fees\"");
        }

        foreach (var (name, present) in new (string, bool)[]
                 {
                     ("rounding", model.Rounding is not null), ("charges", model.Charges is not null), ("contribution", model.Contribution is not null),
                     ("costShareBounds", model.CostShareBounds is not null), ("costClasses", model.CostClasses is not null), ("changeOfUse", model.ChangeOfUse is not null),
                     ("exemptions", model.Exemptions is not null), ("localReductionsAllowedFor", model.LocalReductionsAllowedFor is not null),
                 }.Where(p => p.Item2))
        {
            problem(name, "fees.overlay-not-allowed", $"\"{name}\" is national law (D.P.R. 380/2001 artt. 16-17): an overlay may give tariffs, reductions and instalments only");
        }

        if (model.Instalments is not null && layer != Layer.Municipality)
        {
            problem("instalments", "fees.overlay-not-allowed", "instalments are allowed by the municipality (art. 16 c.2 D.P.R. 380/2001)");
        }

        if (model.Instalments is { } plan && (plan.Count is < 2 or > 60 || plan.IntervalMonths is < 1 or > 60))
        {
            problem("instalments", "fees.instalments-invalid", "instalments need a count from 2 to 60 and an interval from 1 to 60 months");
        }
    }

    private static void CheckCharges(string element, List<string> charges, HashSet<string> ids, Action<string?, string, string> problem)
    {
        foreach (var charge in charges.Where(c => !ids.Contains(c)))
        {
            problem(element, "fees.unknown-charge", $"names charge '{charge}', which is not declared in \"charges\"");
        }
    }

    /// <summary>Vocabulary, shape and legal basis of every value (both layers).</summary>
    private static void CheckValues(FeeFileModel model, Action<string?, string, string> problem)
    {
        var declared = model.Instruments.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var duplicate in model.Instruments.GroupBy(i => i.Id).Where(g => g.Count() > 1))
        {
            problem("instruments", "instrument.duplicate", $"instrument '{duplicate.Key}' is declared twice");
        }

        void Basis(string element, IReadOnlyList<LegalBasis>? bases)
        {
            if (bases is null || bases.Count == 0)
            {
                problem(element, "fees.value-without-legal-basis", "every value needs a legal basis (the law, or the deliberation with number and date)");
                return;
            }

            foreach (var basis in bases.Where(b => !declared.Contains(b.Instrument)))
            {
                problem(element, "instrument.unknown", $"legal basis cites instrument '{basis.Instrument}', which the file does not declare in \"instruments\"");
            }
        }

        if (model.Rounding is { } rounding)
        {
            Basis("rounding", rounding.LegalBasis);
        }

        if (model.Contribution is { } contributionBasis)
        {
            Basis("contribution", contributionBasis.LegalBasis);
        }

        if (model.ChangeOfUse is { } change)
        {
            Basis("changeOfUse", change.LegalBasis);
        }

        if (model.CostClasses is { } classes)
        {
            Basis("costClasses", classes.LegalBasis);
        }

        foreach (var charge in model.Charges ?? [])
        {
            Basis($"charge {charge.Id}", charge.LegalBasis);
        }

        foreach (var bounds in model.CostShareBounds ?? [])
        {
            Basis($"costShareBounds {string.Join("/", bounds.Uses)}", bounds.LegalBasis);
            Vocabulary($"costShareBounds {string.Join("/", bounds.Uses)}", "use", bounds.Uses, FeeVocabulary.Uses, problem);
        }

        foreach (var exemption in model.Exemptions ?? [])
        {
            var element = $"exemption {exemption.Id}";
            Basis(element, exemption.LegalBasis);
            Vocabulary(element, "fact", exemption.Facts, FeeVocabulary.Facts, problem);
            Vocabulary(element, "category", exemption.Categories ?? [], FeeVocabulary.Categories, problem);
        }

        foreach (var reduction in model.Reductions ?? [])
        {
            var element = $"reduction {reduction.Id}";
            Basis(element, reduction.LegalBasis);
            Vocabulary(element, "fact", reduction.Facts ?? [], FeeVocabulary.Facts, problem);
            Vocabulary(element, "category", reduction.Categories ?? [], FeeVocabulary.Categories, problem);
            if (reduction.Percent is <= 0 or > 100)
            {
                problem(element, "fees.percent-invalid", $"percent {reduction.Percent} must be above 0 and at most 100");
            }
        }

        foreach (var duplicate in (model.Reductions ?? []).GroupBy(r => r.Id).Where(g => g.Count() > 1))
        {
            problem($"reduction {duplicate.Key}", "fees.duplicate", $"reduction '{duplicate.Key}' is declared twice");
        }

        foreach (var tariff in model.Tariffs ?? [])
        {
            var element = FeeTariff.Describe(tariff);
            Basis(element, tariff.LegalBasis);
            Vocabulary(element, "use", tariff.Use is null ? [] : [tariff.Use], FeeVocabulary.Uses, problem);
            Vocabulary(element, "category", tariff.Categories ?? [], FeeVocabulary.Categories, problem);
            Vocabulary(element, "regime", tariff.Regimes ?? [], FeeVocabulary.Regimes, problem);
            var values = new[] { tariff.Rate is not null, tariff.Amount is not null, tariff.Percent is not null }.Count(v => v);
            if (values != 1)
            {
                problem(element, "fees.tariff-value", "a tariff gives exactly one of \"rate\" (with \"unit\"), \"amount\" and \"percent\"");
            }

            if (tariff.Rate is not null && (tariff.Unit is null || !FeeVocabulary.Units.Contains(tariff.Unit)))
            {
                problem(element, "fees.tariff-value", $"a rate needs a unit: {string.Join(" or ", FeeVocabulary.Units)}");
            }

            if (tariff.Rate < 0 || tariff.Amount < 0 || tariff.Percent is < 0 or > 100)
            {
                problem(element, "fees.tariff-value", "a rate or amount is not negative and a percent lies between 0 and 100");
            }
        }

        foreach (var duplicate in (model.Tariffs ?? []).GroupBy(FeeTariff.Describe).Where(g => g.Count() > 1))
        {
            problem(duplicate.Key, "fees.tariff-duplicate", "two tariffs of the file select the same case: one date, place and case must select one value");
        }

        if (model.Instalments is { } plan)
        {
            Basis("instalments", plan.LegalBasis);
        }
    }

    private static void Vocabulary(string element, string what, IEnumerable<string> values, IReadOnlyList<string> allowed, Action<string?, string, string> problem)
    {
        foreach (var value in values.Where(v => !allowed.Contains(v)))
        {
            problem(element, "fees.vocabulary", $"{what} '{value}' is not one of {string.Join(", ", allowed)}");
        }
    }
}
