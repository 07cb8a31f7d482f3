using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Catalog;

/// <summary>What every rule file (national version or overlay) declares about itself.</summary>
public sealed record RuleFileHeader
{
    /// <summary>Rule-set id, e.g. <c>determination</c> or <c>forms/scia</c>.</summary>
    public required string Id { get; init; }

    /// <summary>National, region or municipality.</summary>
    public required Layer Layer { get; init; }

    /// <summary><c>IT</c>, a 2-digit region code or a 6-digit municipality code.</summary>
    public required string Jurisdiction { get; init; }

    /// <summary>The version label: the date it takes effect.</summary>
    public required string Version { get; init; }

    /// <summary>
    /// The revision of this version: 1 for the file as released, 2 and up for corrections of its encoding (same
    /// validity). The catalog selects the newest revision for new cases; older ones stay loadable for pinned ones.
    /// </summary>
    public int Revision { get; init; } = 1;

    /// <summary>Half-open validity.</summary>
    public required Validity Validity { get; init; }

    /// <summary>Optional title.</summary>
    public LocalizedText? Title { get; init; }

    /// <summary>Instruments the file cites.</summary>
    public required IReadOnlyList<Instrument> Instruments { get; init; }

    /// <summary>Path relative to the rules folder, with forward slashes.</summary>
    public required string File { get; init; }

    /// <summary><c>sha256:</c> + hex of the file's bytes: pinned by applications.</summary>
    public required string ContentHash { get; init; }

    /// <summary>The origin stamped on the file's rules.</summary>
    public RuleOrigin Origin => new(Id, Layer.Name(), Jurisdiction, Version, File);
}
