using System.Globalization;
using StrategicCities.Api.Problems;
using StrategicCities.Core;
using StrategicCities.Core.Monitoring;

namespace StrategicCities.Api.Monitoring;

/// <summary>Parses the statistics query string into a <see cref="StatisticsQuery"/>, or the errors.</summary>
public static class StatisticsRequest
{
    /// <summary>The query, or the first error.</summary>
    public static (StatisticsQuery? Query, InputError? Error) Parse(
        string? municipality, string? office, string? regime, string? from, string? to, string? groupBy)
    {
        Guid? officeId = null;
        if (!string.IsNullOrWhiteSpace(office))
        {
            if (!Guid.TryParse(office, out var o))
            {
                return (null, Invalid("office", "L'ufficio non è un identificativo valido.", "The office is not a valid id."));
            }

            officeId = o;
        }

        if (!TryDate(from, out var fromDate))
        {
            return (null, Invalid("from", "La data iniziale non è nel formato aaaa-mm-gg.", "The from date is not yyyy-MM-dd."));
        }

        if (!TryDate(to, out var toDate))
        {
            return (null, Invalid("to", "La data finale non è nel formato aaaa-mm-gg.", "The to date is not yyyy-MM-dd."));
        }

        var dims = new List<StatisticsDimension>();
        if (groupBy is not null)
        {
            foreach (var part in groupBy.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!Enum.TryParse<StatisticsDimension>(part, ignoreCase: true, out var d) || !Enum.IsDefined(d) || int.TryParse(part, out _))
                {
                    return (null, Invalid("groupBy", "Raggruppamento sconosciuto (municipality, office, regime, month).",
                        "Unknown groupBy (municipality, office, regime, month)."));
                }

                if (!dims.Contains(d))
                {
                    dims.Add(d);
                }
            }
        }

        var query = new StatisticsQuery
        {
            Municipality = string.IsNullOrWhiteSpace(municipality) ? null : municipality.Trim(),
            OfficeId = officeId,
            Regime = string.IsNullOrWhiteSpace(regime) ? null : regime.Trim(),
            From = fromDate,
            To = toDate,
        };
        return (groupBy is null ? query : query with { GroupBy = dims }, null);
    }

    private static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            date = d;
            return true;
        }

        return false;
    }

    private static InputError Invalid(string parameter, string italian, string english) =>
        ProblemFactory.Error(MonitoringCodes.QueryInvalid, "/query/" + parameter, italian, english);
}
