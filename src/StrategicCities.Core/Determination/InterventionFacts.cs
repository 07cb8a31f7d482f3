namespace StrategicCities.Core.Determination;

/// <summary>
/// The intervention as rule expressions see it (parameter <c>intervention</c>): the vocabulary of
/// schemas/intervention.schema.json flattened, with absent booleans false, numbers 0 and strings "".
/// </summary>
public sealed record InterventionFacts
{
    /// <summary>Art. 3 c.1 D.P.R. 380/2001 category, e.g. <c>manutenzione-straordinaria</c>.</summary>
    public string Category { get; init; } = "";

    /// <summary>Touches load-bearing structures.</summary>
    public bool StructuralParts { get; init; }

    /// <summary>Alters the prospetti.</summary>
    public bool FacadeChanges { get; init; }

    /// <summary>Increases or changes volume.</summary>
    public bool VolumeChange { get; init; }

    /// <summary>Increases surface.</summary>
    public bool SurfaceIncrease { get; init; }

    /// <summary>Changes the number of units.</summary>
    public bool UnitsChange { get; init; }

    /// <summary>A change of use is part of the intervention.</summary>
    public bool UseChange { get; init; }

    /// <summary>Functional category of use before (art. 23-ter), or "".</summary>
    public string UseFrom { get; init; } = "";

    /// <summary>Functional category of use after (art. 23-ter), or "".</summary>
    public string UseTo { get; init; } = "";

    /// <summary>The change of use comes with works.</summary>
    public bool UseChangeWithWorks { get; init; }

    /// <summary>The change of use is urbanistically relevant.</summary>
    public bool UseChangeUrbanisticallyRelevant { get; init; }

    /// <summary>Demolition and reconstruction.</summary>
    public bool DemolitionAndReconstruction { get; init; }

    /// <summary>Bene culturale (D.Lgs. 42/2004 parte II).</summary>
    public bool Heritage { get; init; }

    /// <summary>Vincolo paesaggistico (D.Lgs. 42/2004 parte III).</summary>
    public bool Landscape { get; init; }

    /// <summary>Zona omogenea A.</summary>
    public bool ZoneA { get; init; }

    /// <summary>Seismic zone 1–4; 0 when not stated.</summary>
    public int SeismicZone { get; init; }

    /// <summary>Works meant to be removed.</summary>
    public bool Temporary { get; init; }

    /// <summary>Days the temporary works stay; 0 when not temporary.</summary>
    public int TemporaryDays { get; init; }

    /// <summary>Affects the envelope or plant (L. 10/1991).</summary>
    public bool EnergyRelevant { get; init; }

    /// <summary>Area governed by a detailed plan with precise planivolumetric provisions.</summary>
    public bool DetailedPlan { get; init; }
}
