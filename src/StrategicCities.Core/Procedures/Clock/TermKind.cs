namespace StrategicCities.Core.Procedures.Clock;

/// <summary>
/// What a term is in law, which decides whether the national suspension periods of
/// administrative terms (<see cref="ItalianCalendar.Suspensions"/>) stop it.
/// </summary>
public enum TermKind
{
    /// <summary>
    /// A term of an administrative procedure (istruttoria, control, decision…): the national
    /// suspension periods do not count (art. 103 c. 1 D.L. 18/2020: "ai fini del computo dei
    /// termini … relativi allo svolgimento di procedimenti amministrativi … non si tiene conto del
    /// periodo compreso tra" 23 February and 15 May 2020).
    /// </summary>
    Procedural,

    /// <summary>
    /// The validity of a title (start and completion of works, art. 15 D.P.R. 380/2001; the three
    /// years of a SCIA alternativa): not a procedural term, so art. 103 c. 1 does not stretch it.
    /// Titles expiring in the emergency fell under c. 2 instead ("conservano la loro validità per i
    /// novanta giorni successivi alla dichiarazione di cessazione dello stato di emergenza"), which
    /// extends a due date rather than suspending days; see rules/national/procedures/NOTES.md.
    /// </summary>
    Validity,

    /// <summary>
    /// An outer limit on a power of the administration after the procedure has ended, such as the
    /// cap on self-redress of art. 21-nonies L. 241/1990: no procedure is pending while it runs, so
    /// the national suspension periods do not stop it either.
    /// </summary>
    Cap,
}
