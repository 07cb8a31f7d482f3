using System.Globalization;
using System.Text;

namespace StrategicCities.Core.Fees;

/// <summary>The assessment as text for a desk clerk or a legal reviewer: one block per line with its formula and law.</summary>
public static class FeeAssessmentText
{
    /// <summary>Writes the assessment in Italian and English.</summary>
    public static string Write(FeeAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"Contributi / Fees — {assessment.Municipality.Name} ({assessment.Municipality.Code}), {assessment.LegalDate:yyyy-MM-dd}, {assessment.Regime}, {assessment.Category}");
        foreach (var line in assessment.Lines)
        {
            text.AppendLine();
            text.AppendLine(culture, $"{line.Title.It} / {line.Title.En}: EUR {line.Amount.ToString("0.00", culture)}{(line.Sample ? "  [DATO DI ESEMPIO / SAMPLE]" : "")}");
            text.AppendLine(culture, $"  {line.Formula}");
            foreach (var tariff in line.Tariffs)
            {
                text.AppendLine(culture, $"  {tariff.Name} = {tariff.Value.ToString(culture)} {tariff.Unit} ({tariff.Layer}, {tariff.File}){(tariff.Sample ? " [sample]" : "")}");
            }

            foreach (var basis in line.LegalBasis.Distinct())
            {
                text.AppendLine(culture, $"  § {basis}{(basis.Note is null ? "" : " — " + basis.Note)}");
            }
        }

        foreach (var exemption in assessment.Exemptions)
        {
            text.AppendLine();
            text.AppendLine(culture, $"Esenzione / Exemption {exemption.Id}: {exemption.Title.It} / {exemption.Title.En} — § {string.Join("; ", exemption.LegalBasis)}");
        }

        text.AppendLine();
        text.AppendLine(culture, $"Contributo di costruzione: EUR {assessment.Contributo.ToString("0.00", culture)}");
        text.AppendLine(culture, $"Diritti e bolli / Desk charges: EUR {assessment.Desk.ToString("0.00", culture)}");
        text.AppendLine(culture, $"Totale / Total: EUR {assessment.Total.ToString("0.00", culture)} (arrotondamento / rounding: {assessment.Rounding.Mode}, {assessment.Rounding.Scale} decimali per riga / decimals per line)");
        foreach (var instalment in assessment.Instalments)
        {
            text.AppendLine(culture, $"Rata / Instalment {instalment.Number}: EUR {instalment.Amount.ToString("0.00", culture)} a {instalment.DueMonthsAfterIssue} mesi dal rilascio / months after issue{(instalment.Guarantee ? ", con garanzia / with guarantee" : "")}{(instalment.Sample ? "  [sample]" : "")}");
        }

        foreach (var note in assessment.Notes)
        {
            text.AppendLine(culture, $"Nota: {note.It}");
            text.AppendLine(culture, $"Note: {note.En}");
        }

        return text.ToString();
    }
}
