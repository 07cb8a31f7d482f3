using StrategicCities.Core.Catalog;
using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Law;

/// <summary>Codes and texts of the problems of the law in force: one place, worded once.</summary>
public static class LawProblems
{
    /// <summary>A file an application pinned is not in this deployment's catalog.</summary>
    public const string PinnedVersionMissing = Problems.ProblemCatalog.PinnedVersionMissing;

    /// <summary>The error naming the pinned file this deployment lacks.</summary>
    public static InputError Missing(PinnedVersion pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        var file = pin.ToString();
        return new InputError(PinnedVersionMissing, "", new LocalizedText(
            $"La pratica è vincolata a un file di regole che questa installazione non contiene: {file}. Ripristinare il file (una versione pubblicata non si rimuove) o riallineare la pratica con \"permits applications repin\".",
            $"The application is pinned to a rule file this deployment does not hold: {file}. Restore the file (a released version is never removed) or re-pin the application with \"permits applications repin\"."));
    }
}
