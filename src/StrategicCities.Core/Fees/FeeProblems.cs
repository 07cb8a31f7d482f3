using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Fees;

/// <summary>Codes and texts of the problems of a fee computation: one place, worded once.</summary>
public static class FeeProblems
{
    /// <summary>The input is malformed: wrong type, unknown member, value outside the vocabulary (400).</summary>
    public const string InputInvalid = Problems.ProblemCatalog.FeeInputInvalid;

    /// <summary>A figure the case needs is missing (422): the pointer names it.</summary>
    public const string InputMissing = Problems.ProblemCatalog.FeeInputMissing;

    /// <summary>The municipality has no tariff for a charge the case needs on that date (422).</summary>
    public const string TariffMissing = Problems.ProblemCatalog.FeeTariffMissing;

    /// <summary>Two tariffs of one file select the case equally (422; lint refuses identical selectors).</summary>
    public const string TariffAmbiguous = Problems.ProblemCatalog.FeeTariffAmbiguous;

    /// <summary>Every code a fee computation returns, for the OpenAPI and the status table.</summary>
    public static readonly IReadOnlyList<string> All = [InputInvalid, InputMissing, TariffMissing, TariffAmbiguous];

    internal static InputError Invalid(string pointer, string it, string en) => new(InputInvalid, pointer, new LocalizedText(it, en));

    internal static InputError Missing(string pointer, string it, string en) =>
        new(InputMissing, pointer, new LocalizedText("Dato mancante: " + it, "Missing figure: " + en));

    internal static InputError NoTariff(string pointer, string charge, string selector, DateOnly date, string municipality) =>
        new(TariffMissing, pointer, new LocalizedText(
            $"Nessuna tariffa per «{charge}» ({selector}) nel comune {municipality} alla data {date:yyyy-MM-dd}: il comune deve deliberarla (art. 16 c.4 D.P.R. 380/2001) o va indicato un altro uso o zona.",
            $"No tariff for '{charge}' ({selector}) in municipality {municipality} on {date:yyyy-MM-dd}: the municipality must deliberate one (art. 16 c.4 D.P.R. 380/2001), or give another use or zone."));

    internal static InputError Ambiguous(string pointer, string charge, string file) =>
        new(TariffAmbiguous, pointer, new LocalizedText(
            $"Due tariffe di {file} per «{charge}» si applicano al caso con la stessa precisione: correggere il file.",
            $"Two tariffs of {file} for '{charge}' fit the case equally: the file needs a fix."));
}
