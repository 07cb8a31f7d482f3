using StrategicCities.Core.Legal;
using StrategicCities.Core.Procedures;
using StrategicCities.Core.Problems;

namespace StrategicCities.Core.Applications;

/// <summary>The refusals of the application use cases, with their Italian and English texts, worded once.</summary>
public static class ApplicationProblems
{
    /// <summary>No such application in the caller's scope (also what an application of another office looks like).</summary>
    public static InputError NotFound() => Error(ProblemCatalog.ApplicationNotFound, "/path/id", "Pratica non trovata.", "Application not found.");

    /// <summary>The version read is not the current one.</summary>
    public static InputError Stale() => Error(ProblemCatalog.ApplicationStale, "/header/If-Match",
        "La pratica è cambiata dopo la lettura (If-Match superato): rileggerla.",
        "The application changed since it was read (stale If-Match): read it again.");

    /// <summary>A concurrent writer won between the read and the write.</summary>
    public static InputError Conflict() => Error(ProblemCatalog.ApplicationConflict, "",
        "Un'altra operazione ha modificato la pratica nel frattempo: rileggerla e riprovare.",
        "Another operation changed the application meanwhile: read it again and retry.");

    /// <summary>The data of a filed application no longer changes.</summary>
    public static InputError AlreadyFiled() => Error(ProblemCatalog.ApplicationFiled, "",
        "La pratica è già presentata: i dati non si modificano più (usare le integrazioni).",
        "The application is filed: its data no longer changes (use the integration triggers).");

    /// <summary>The form does not validate, so the draft cannot be filed.</summary>
    public static InputError Invalid() => Error(ProblemCatalog.ApplicationInvalid, "/data",
        "Il modulo non è valido: la pratica non può essere presentata (vedi \"report\").",
        "The form is not valid: the application cannot be filed (see \"report\").");

    /// <summary>The municipality is outside the caller's office.</summary>
    public static InputError OutOfScope() => Error(ProblemCatalog.AuthOutOfScope, "/municipality",
        "Il comune non è servito dall'ufficio di questa chiave.", "The municipality is not served by this key's office.");

    /// <summary>A field of a create request is missing or of the wrong shape.</summary>
    public static InputError Missing(string pointer, string italian, string english) => Error(ProblemCatalog.RequestInvalid, pointer, italian, english);

    /// <summary>The form data is not a JSON object.</summary>
    public static InputError DataNotObject() => Error(ProblemCatalog.BodyNotObject, "/data",
        "I dati del modulo devono essere un oggetto JSON.", "The form data must be a JSON object.");

    /// <summary>The date of an act is in the future.</summary>
    public static InputError FutureDate() => Error(ProblemCatalog.TriggerDate, "/date",
        "La data dell'atto non può essere futura.", "The date of the act cannot be in the future.");

    /// <summary>A re-pin without a reason.</summary>
    public static InputError RepinReasonMissing() => Error(ProblemCatalog.RepinReasonMissing, "/reason",
        "Indicare il motivo del riallineamento ({ \"reason\": \"…\" }): resta nell'evento di audit.",
        "Give the reason for the re-pin ({ \"reason\": \"…\" }): it is kept in the audit event.");

    /// <summary>A re-pin of a draft.</summary>
    public static InputError RepinNotFiled() => Error(ProblemCatalog.RepinNotFiled, "",
        "La pratica è una bozza: non ha ancora versioni vincolate.", "The application is a draft: it has pinned nothing yet.");

    /// <summary>Why the procedure refused a trigger.</summary>
    public static InputError Refusal(FireOutcome fired)
    {
        ArgumentNullException.ThrowIfNull(fired);
        return fired.Status switch
        {
            FireStatus.UnknownTrigger => Error(ProblemCatalog.TriggerUnknown, "/path/trigger",
                $"Il procedimento non prevede l'atto \"{fired.Trigger}\".", $"The procedure has no trigger \"{fired.Trigger}\"."),
            FireStatus.NotPermittedInState => Error(ProblemCatalog.TriggerNotPermitted, "/path/trigger",
                $"L'atto \"{fired.Trigger}\" non è ammesso nello stato \"{fired.State}\".", $"The trigger \"{fired.Trigger}\" is not permitted in state \"{fired.State}\"."),
            FireStatus.NotPermittedForRole => Error(ProblemCatalog.TriggerForbidden, "/path/trigger",
                $"Il ruolo di questa chiave non può compiere l'atto \"{fired.Trigger}\".", $"This key's role may not fire \"{fired.Trigger}\"."),
            FireStatus.GuardRefused => Error(ProblemCatalog.TriggerGuardRefused, "/path/trigger",
                fired.Refusals.Count > 0 ? fired.Refusals[0].Message.It : "Una condizione di legge non è soddisfatta.",
                fired.Refusals.Count > 0 ? fired.Refusals[0].Message.En : "A legal condition does not hold."),
            _ => Error(ProblemCatalog.TriggerDate, "/date",
                "La data dell'atto precede l'ultimo evento della pratica.", "The date of the act is before the application's last event."),
        };
    }

    private static InputError Error(string code, string pointer, string italian, string english) =>
        new(code, pointer, new LocalizedText(italian, english));
}
