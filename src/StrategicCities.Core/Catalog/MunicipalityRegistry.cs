using System.Collections.Frozen;

namespace StrategicCities.Core.Catalog;

/// <summary>Every Italian municipality, by ISTAT code; the region of a municipality selects its regional layer.</summary>
public sealed class MunicipalityRegistry
{
    private readonly FrozenDictionary<string, Municipality> _byCode;

    /// <summary>Builds the registry from municipalities.</summary>
    public MunicipalityRegistry(IEnumerable<Municipality> municipalities)
    {
        _byCode = municipalities.ToFrozenDictionary(m => m.Code, StringComparer.Ordinal);
    }

    /// <summary>Number of municipalities known.</summary>
    public int Count => _byCode.Count;

    /// <summary>All municipalities, in code order.</summary>
    public IEnumerable<Municipality> All => _byCode.Values.OrderBy(m => m.Code, StringComparer.Ordinal);

    /// <summary>The municipality with that ISTAT code, if known.</summary>
    public Municipality? Find(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>Whether any municipality lies in the region with that 2-digit code.</summary>
    public bool HasRegion(string regionCode) => _byCode.Values.Any(m => m.Region == regionCode);

    /// <summary>
    /// Reads the registry CSV (header <c>istat,name,province,region,regionName,cadastral,metropolitanCity[,population]</c>,
    /// RFC 4180 quoting). The <c>population</c> column is optional (registries written before it
    /// still load); an empty cell means unknown.
    /// </summary>
    /// <exception cref="InvalidDataException">A required column is missing, or a population is not a non-negative integer.</exception>
    public static MunicipalityRegistry ReadCsv(TextReader reader)
    {
        var rows = Csv.Read(reader).ToList();
        if (rows.Count == 0)
        {
            throw new InvalidDataException("The municipality registry is empty.");
        }

        var header = rows[0];
        int Column(string name)
        {
            var index = header.IndexOf(name);
            return index >= 0 ? index : throw new InvalidDataException($"The municipality registry has no '{name}' column.");
        }

        int istat = Column("istat"), name = Column("name"), province = Column("province"), region = Column("region"),
            regionName = Column("regionName"), cadastral = Column("cadastral"), metro = Column("metropolitanCity");
        var population = header.IndexOf("population");
        var list = new List<Municipality>(rows.Count);
        foreach (var row in rows.Skip(1))
        {
            if (row.Count < header.Count)
            {
                continue;
            }

            list.Add(new Municipality(row[istat], row[name], row[province], row[region], row[regionName], row[cadastral],
                string.Equals(row[metro], "true", StringComparison.OrdinalIgnoreCase),
                population < 0 ? null : ParsePopulation(row[population], row[istat])));
        }

        return new MunicipalityRegistry(list);
    }

    private static int? ParsePopulation(string cell, string code)
    {
        if (cell.Length == 0)
        {
            return null;
        }

        return int.TryParse(cell, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidDataException($"The municipality registry gives {code} the population '{cell}', which is not a whole number.");
    }
}
