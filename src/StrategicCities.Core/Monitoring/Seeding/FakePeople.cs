using System.Text;

namespace StrategicCities.Core.Monitoring.Seeding;

/// <summary>Fake but well-formed Italian personal data for seeded applications (never real people).</summary>
public static class FakePeople
{
    internal static readonly string[] Surnames =
    [
        "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno",
        "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti", "Barbieri",
        "Fontana", "Santoro", "Mariani", "Rinaldi", "Caruso", "Ferrara", "Galli", "Martini", "Leone",
    ];

    internal static readonly (string Name, bool Female)[] Names =
    [
        ("Marco", false), ("Giulia", true), ("Alessandro", false), ("Francesca", true), ("Luca", false), ("Chiara", true),
        ("Giuseppe", false), ("Sara", true), ("Andrea", false), ("Valentina", true), ("Matteo", false), ("Elena", true),
        ("Lorenzo", false), ("Federica", true), ("Davide", false), ("Martina", true), ("Simone", false), ("Laura", true),
        ("Stefano", false), ("Silvia", true), ("Paolo", false), ("Anna", true), ("Roberto", false), ("Paola", true),
    ];

    internal static readonly string[] Streets =
    [
        "Via Garibaldi", "Via Mazzini", "Corso Cavour", "Via Verdi", "Via Dante Alighieri", "Viale della Repubblica",
        "Via Roma", "Piazza della Libertà", "Via dei Mille", "Via Manzoni", "Corso Vittorio Emanuele II", "Via Leopardi",
        "Via San Francesco", "Via delle Rose", "Via Gramsci", "Via Matteotti", "Largo Marconi", "Via Carducci",
    ];

    private const string MonthLetters = "ABCDEHLMPRST";
    private static readonly int[] OddValues =
    [
        1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
    ];

    /// <summary>
    /// The codice fiscale of a person (D.M. 23 dicembre 1976): surname and name codes, birth year, month letter, day
    /// (+40 for women), Belfiore code of the place of birth and the check letter.
    /// </summary>
    public static string CodiceFiscale(string surname, string name, DateOnly birth, bool female, string belfiore)
    {
        ArgumentNullException.ThrowIfNull(belfiore);
        var body = new StringBuilder(16);
        body.Append(SurnameCode(surname)).Append(NameCode(name));
        body.Append((birth.Year % 100).ToString("D2", System.Globalization.CultureInfo.InvariantCulture));
        body.Append(MonthLetters[birth.Month - 1]);
        body.Append((birth.Day + (female ? 40 : 0)).ToString("D2", System.Globalization.CultureInfo.InvariantCulture));
        body.Append(belfiore);
        return body.Append(CheckLetter(body.ToString())).ToString();
    }

    /// <summary>The check letter of the first 15 characters.</summary>
    public static char CheckLetter(string first15)
    {
        ArgumentNullException.ThrowIfNull(first15);
        var sum = 0;
        for (var i = 0; i < 15; i++)
        {
            var c = first15[i];
            var index = char.IsDigit(c) ? c - '0' : c - 'A';
            sum += i % 2 == 0 ? OddValues[index] : index;
        }

        return (char)('A' + (sum % 26));
    }

    private static string Letters(string s, bool vowels) =>
        new([.. s.ToUpperInvariant().Where(c => c is >= 'A' and <= 'Z' && "AEIOU".Contains(c) == vowels)]);

    private static string SurnameCode(string surname) =>
        (Letters(surname, false) + Letters(surname, true) + "XXX")[..3];

    private static string NameCode(string name)
    {
        var consonants = Letters(name, false);
        return consonants.Length >= 4
            ? $"{consonants[0]}{consonants[2]}{consonants[3]}"
            : (consonants + Letters(name, true) + "XXX")[..3];
    }
}
