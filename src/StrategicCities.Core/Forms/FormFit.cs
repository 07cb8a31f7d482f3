using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.LawLinks;
using StrategicCities.Core.Determination;
using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Forms;

/// <summary>
/// Whether a form fits its intervention and its place (issue codes <see cref="RegimeMismatch"/> and
/// <see cref="LocationMismatch"/>). The intervention the form declares is determined with the <c>determination</c> rule
/// set in force for the municipality and date, as <see cref="DeterminationEngine"/> does; the form's title must be the
/// regime determined, an alternative the rules admit, or a stricter title (see <see cref="Admissible"/>). The works'
/// municipality in <c>/ubicazione/indirizzo</c> must be the municipality the form is validated or filed for.
/// </summary>
/// <remarks>
/// What a form says of its intervention, as the determination's vocabulary (schemas/intervention.schema.json):
/// <c>intervento.categoria</c> → category; <c>opereStrutturali</c> → structuralParts; <c>modificaProspetti</c> →
/// facadeChanges; <c>aumentoVolume</c> → volumeChange; <c>aumentoSuperficie</c> → surfaceIncrease;
/// <c>variazioneUnita</c> → unitsChange; <c>efficienzaEnergetica</c> → energyRelevant; <c>zonaSismica</c> →
/// seismicZone; <c>mutamentoDestinazioneUso</c> {da, a, conOpere} → useChange {from, to, withWorks}, urbanistically
/// relevant when the functional categories differ (art. 23-ter c.1); <c>vincoli.paesaggistico</c> → landscape;
/// <c>vincoli.beniCulturali</c> → heritage; the CIL's <c>durataGiorni</c> → temporary days (for temporary works only).
/// The forms do not state sagoma, sedime, typology, openings, demolition and reconstruction, zone A, detailed plan,
/// free works, the kind of landscape protection or the seismic relevance: those are read as the vocabulary's documented
/// default (absent = false), which gives the least demanding regime the declared facts allow. Since a stricter title is
/// admissible, a mismatch is reported only when even that least demanding reading needs more than the form's title.
/// The one fact whose absence would make the answer stricter, the duration of temporary works outside the CIL, is not
/// guessed: such a form is not checked.
/// </remarks>
internal sealed class FormFit(RuleCatalog catalog)
{
    /// <summary>The form's title does not fit the intervention it declares.</summary>
    public const string RegimeMismatch = Problems.ProblemCatalog.FormRegimeMismatch;

    /// <summary>The works are not in the municipality the form is validated or filed for.</summary>
    public const string LocationMismatch = Problems.ProblemCatalog.FormLocationMismatch;

    private const string RegimePointer = "/intervento";

    // Art. 22 c.7 D.P.R. 380/2001: the applicant may ask for a permit for works a SCIA allows; the rule set states that
    // alternative, and the same reading admits any stricter title in place of a lighter one.
    private static readonly LegalBasis StricterTitle = new("dpr380", "22", "7", Note:
        "facoltà di chiedere il permesso di costruire per gli interventi soggetti a SCIA; esteso per analogia a ogni titolo più oneroso di quello richiesto (lettura, non testo espresso)");

    // The same as a list, linked once per legal date with the deciding rule's instruments (CitationLinks.Linked).
    private static readonly LegalBasis[] StricterTitles = [StricterTitle];

    // The municipality's sportello unico handles the procedures for works in its territory.
    private static readonly LegalBasis Competence = new("dpr380", "5", "1", Note:
        "lo sportello unico per l'edilizia del comune in cui si trovano le opere");

    private static readonly HashSet<string> Categories = new(StringComparer.Ordinal)
    {
        "manutenzione-ordinaria", "manutenzione-straordinaria", "restauro-risanamento", "ristrutturazione-edilizia",
        "nuova-costruzione", "ristrutturazione-urbanistica", "demolizione", "cambio-uso", "opere-pertinenziali", "opere-temporanee",
    };

    private readonly ConditionalWeakTable<ComposedRuleSet, PinnedVersion[]> _pins = new();

    // Names of the register's municipalities (normalized), to tell a form naming another municipality from a spelling variant.
    private readonly Lazy<Dictionary<string, string>> _names = new(() => catalog.Municipalities.All
        .GroupBy(m => Normalize(m.Name), StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First().Code, StringComparer.Ordinal));

    /// <summary>The regime a form files for; null for a form that is not a title (agibilità, inizio lavori).</summary>
    public static string? RegimeOf(string form) => form switch
    {
        "pdc" => "permesso-di-costruire",
        "scia" => "scia",
        "scia-alternativa" => "scia-alternativa",
        "cila" => "cila",
        "cil" => "cil",
        _ => null,
    };

    /// <summary>
    /// Whether a title is admissible for works that need <paramref name="determined"/>: the same regime, an alternative
    /// the rules name, or a stricter title (art. 22 c.7 D.P.R. 380/2001 for a permit in place of a SCIA, by analogy for
    /// the others). Never a lighter one, and never the CIL for works that need more.
    /// </summary>
    public static bool Admissible(string title, string determined, IReadOnlyList<string> alternatives) =>
        title == determined || alternatives.Contains(title) || Regimes.Rank(title) > Regimes.Rank(determined);

    /// <summary>
    /// Checks the form; adds its issues to <paramref name="errors"/> and returns what the report gains: the determination's
    /// pins when it ran, and its regime trace when the form does not fit.
    /// </summary>
    /// <exception cref="RuleEvaluationException">A determination rule is faulty (never the applicant's fault).</exception>
    internal async ValueTask<(PinnedVersion[] Pins, IReadOnlyList<TraceEntry>? Trace)> CheckAsync(
        string form, Municipality municipality, DateOnly legalDate, JsonElement root, List<ValidationIssue> errors,
        CancellationToken cancellationToken)
    {
        CheckLocation(municipality, root, errors);
        var title = RegimeOf(form);
        if (title is null || ReadFacts(form, root) is not { } facts)
        {
            return ([], null);
        }

        var composed = catalog.Compose(DeterminationEngine.RuleSetId, municipality, legalDate);
        if (composed is null)
        {
            return ([], null);
        }

        var compiling = catalog.CompileAsync(composed, cancellationToken);
        var ruleSet = compiling.IsCompletedSuccessfully ? compiling.Result : await compiling;
        var pins = _pins.GetValue(composed, c => [.. c.Layers.Select(l => PinnedVersion.Of(c.Id, l))]);
        var outcomes = ruleSet.Evaluate("regime", [facts, ""]);
        var (regime, alternatives) = DeterminationEngine.Conclude(ruleSet, facts, outcomes);
        if (Admissible(title, regime, alternatives))
        {
            return (pins, null);
        }

        var deciding = outcomes.Where(o => o.Applies && o.Rule.Effect is { Kind: "regime" } e && e.Value == regime).Select(o => o.Rule).ToList();
        var admitted = outcomes.Where(o => o.Applies && o.Rule.Effect is { Kind: "alternative" } e && alternatives.Contains(e.Value)).Select(o => o.Rule);
        LegalBasis[] legalBasis = [.. deciding.Concat(admitted).SelectMany(r => CitationLinks.Linked(r.LegalBasis, r.Instruments, legalDate))
            .Concat(CitationLinks.Linked(StricterTitles, deciding[0].Instruments, legalDate)).Distinct()];
        errors.Add(new ValidationIssue(RegimePointer, RegimeMismatch, "error", Message(form, title, regime, alternatives), deciding[0].Name, legalBasis));
        return (pins, [.. outcomes.Select(o => TraceEntry.From(o, legalDate))]);
    }

    private static LocalizedText Message(string form, string title, string regime, IReadOnlyList<string> alternatives)
    {
        string Names(string language) => string.Join(language == "it" ? " o " : " or ",
            new[] { regime }.Concat(alternatives).Select(r => DeterminationExplainer.RegimeName(r, language)));
        return new LocalizedText(
            $"Il modulo \"{form}\" è per {DeterminationExplainer.RegimeName(title, "it")}, ma l'intervento dichiarato in \"Qualificazione dell'intervento\" richiede {Names("it")}: usare il modulo corrispondente o correggere la qualificazione.",
            $"Form \"{form}\" is for {DeterminationExplainer.RegimeName(title, "en")}, but the works declared under \"Qualification of the works\" need {Names("en")}: use the matching form or correct the qualification.");
    }

    private void CheckLocation(Municipality municipality, JsonElement root, List<ValidationIssue> errors)
    {
        if (!TryGet(root, "ubicazione", out var site) || !TryGet(site, "indirizzo", out var address))
        {
            return;
        }

        if (address.TryGetProperty("codiceIstat", out var code) && code.ValueKind == JsonValueKind.String)
        {
            var stated = code.GetString()!;
            if (stated != municipality.Code && catalog.Municipalities.Find(stated) is { } other)
            {
                errors.Add(Mismatch("/ubicazione/indirizzo/codiceIstat", municipality, other.Name, stated));
            }

            return;
        }

        // Without the ISTAT code, only a name that is another municipality's (not a variant of this one's) is a mismatch.
        if (address.TryGetProperty("comune", out var name) && name.ValueKind == JsonValueKind.String
            && Normalize(name.GetString()!) is var normalized && normalized != Normalize(municipality.Name)
            && _names.Value.TryGetValue(normalized, out var otherCode) && otherCode != municipality.Code)
        {
            errors.Add(Mismatch("/ubicazione/indirizzo/comune", municipality, name.GetString()!, otherCode));
        }
    }

    private static ValidationIssue Mismatch(string pointer, Municipality municipality, string statedName, string statedCode) =>
        new(pointer, LocationMismatch, "error", new LocalizedText(
            $"Le opere risultano a {statedName} ({statedCode}), ma il modulo è presentato al comune di {municipality.Name} ({municipality.Code}): va presentato al comune in cui si trovano le opere.",
            $"The works are in {statedName} ({statedCode}), but the form is for the municipality of {municipality.Name} ({municipality.Code}): it goes to the municipality where the works are."),
            null, [Competence]);

    /// <summary>The intervention the form declares, or null when it does not say enough (see the class remarks).</summary>
    internal static InterventionFacts? ReadFacts(string form, JsonElement root)
    {
        if (!TryGet(root, "intervento", out var works) || !works.TryGetProperty("categoria", out var c)
            || c.ValueKind != JsonValueKind.String || !Categories.Contains(c.GetString()!))
        {
            return null;
        }

        var category = c.GetString()!;
        var days = form == "cil" && category == "opere-temporanee" && works.TryGetProperty("durataGiorni", out var d)
            && d.ValueKind == JsonValueKind.Number && d.TryGetInt32(out var n) ? n : 0;
        if (category == "opere-temporanee" && days <= 0)
        {
            return null;
        }

        var use = TryGet(works, "mutamentoDestinazioneUso", out var u) ? u : (JsonElement?)null;
        var useFrom = use is { } u1 ? Text(u1, "da") : "";
        var useTo = use is { } u2 ? Text(u2, "a") : "";
        var constraints = TryGet(root, "vincoli", out var v) ? v : (JsonElement?)null;
        return new InterventionFacts
        {
            Category = category,
            StructuralParts = Flag(works, "opereStrutturali"),
            FacadeChanges = Flag(works, "modificaProspetti"),
            VolumeChange = Flag(works, "aumentoVolume"),
            SurfaceIncrease = Flag(works, "aumentoSuperficie"),
            UnitsChange = Flag(works, "variazioneUnita"),
            EnergyRelevant = Flag(works, "efficienzaEnergetica"),
            SeismicZone = works.TryGetProperty("zonaSismica", out var z) && z.ValueKind == JsonValueKind.Number && z.TryGetInt32(out var zone) ? zone : 0,
            UseChange = use is not null,
            UseFrom = useFrom,
            UseTo = useTo,
            UseChangeWithWorks = use is { } u3 && Flag(u3, "conOpere"),
            UseChangeUrbanisticallyRelevant = use is not null && useFrom.Length > 0 && useTo.Length > 0 && useFrom != useTo,
            Landscape = constraints is { } v1 && Flag(v1, "paesaggistico"),
            Heritage = constraints is { } v2 && Flag(v2, "beniCulturali"),
            Temporary = days > 0,
            TemporaryDays = days,
        };
    }

    private static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out value) && value.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        value = default;
        return false;
    }

    private static bool Flag(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    // Case, accents, apostrophes, hyphens and spaces do not make another municipality ("Sant'Angelo" = "SANT ANGELO").
    private static string Normalize(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var ch in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(ch))
            {
                text.Append(char.ToLowerInvariant(ch));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark && text.Length > 0 && text[^1] != ' ')
            {
                text.Append(' ');
            }
        }

        return text.ToString().TrimEnd();
    }
}
