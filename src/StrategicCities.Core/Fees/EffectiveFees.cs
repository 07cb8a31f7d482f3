using StrategicCities.Core.Catalog;

namespace StrategicCities.Core.Fees;

/// <summary>
/// The fee files in force for one municipality on one date: the national structure, the region's tariffs and the
/// municipality's. For each charge the most local layer that gives tariffs for it decides (the municipality applies
/// the regional tables by deliberation, art. 16 c.4 D.P.R. 380/2001); national law (exemptions, bounds, classes) is read
/// from the national file only.
/// </summary>
public sealed class EffectiveFees
{
    internal EffectiveFees(Municipality municipality, DateOnly legalDate, FeeVersion national, FeeVersion? region, FeeVersion? local)
    {
        Municipality = municipality;
        LegalDate = legalDate;
        National = national;
        Region = region;
        Local = local;
    }

    /// <summary>The municipality.</summary>
    public Municipality Municipality { get; }

    /// <summary>The legal reference date.</summary>
    public DateOnly LegalDate { get; }

    internal FeeVersion National { get; }

    internal FeeVersion? Region { get; }

    internal FeeVersion? Local { get; }

    /// <summary>The files in force, as an application pins them (national first).</summary>
    public IReadOnlyList<PinnedVersion> Pins =>
        [.. new[] { National, Region, Local }.Where(v => v is not null).Select(v => PinnedVersion.Of(FeeFileReader.Folder, v!.Header))];

    /// <summary>Layers from the most local, each with its tariffs.</summary>
    internal IEnumerable<FeeVersion> LocalFirst => new[] { Local, Region, National }.Where(v => v is not null)!;

    /// <summary>The tariffs each layer gives for the charge and parameter, most local first (layers without any are left out).</summary>
    internal IEnumerable<(FeeVersion Layer, IReadOnlyList<FeeTariffModel> Tariffs)> TariffsFor(string charge, string? parameter)
    {
        foreach (var layer in LocalFirst)
        {
            var rows = (layer.Model.Tariffs ?? []).Where(t => t.Charge == charge && t.Parameter == parameter).ToList();
            if (rows.Count > 0)
            {
                yield return (layer, rows);
            }
        }
    }

    /// <summary>Reductions in force: the national ones with the percent a region or the municipality set, and the local ones.</summary>
    internal IReadOnlyList<ReductionInForce> Reductions()
    {
        var result = new List<ReductionInForce>();
        foreach (var declared in National.Model.Reductions ?? [])
        {
            var setting = new[] { Local, Region }.Where(v => v is not null)
                .Select(v => (Version: v!, Reduction: v!.Model.Reductions?.FirstOrDefault(r => r.Id == declared.Id)))
                .FirstOrDefault(x => x.Reduction is not null);
            var citations = FeeCitation.Resolve(National, declared.LegalBasis);
            result.Add(setting.Reduction is { } local
                ? new ReductionInForce(declared, local.Percent, local.Sample, [.. citations, .. FeeCitation.Resolve(setting.Version, local.LegalBasis)])
                : new ReductionInForce(declared, declared.Percent, declared.Sample, citations));
        }

        foreach (var layer in new[] { Region, Local }.Where(v => v is not null))
        {
            result.AddRange((layer!.Model.Reductions ?? [])
                .Where(r => National.Model.Reductions?.All(n => n.Id != r.Id) ?? true)
                .Select(r => new ReductionInForce(r, r.Percent, r.Sample, FeeCitation.Resolve(layer!, r.LegalBasis))));
        }

        return result;
    }
}

/// <summary>A reduction as it applies: its conditions, the percent in force, whether that percent is sample data, and its citations.</summary>
internal sealed record ReductionInForce(FeeReductionModel Reduction, decimal Percent, bool Sample, IReadOnlyList<FeeCitation> Citations);
