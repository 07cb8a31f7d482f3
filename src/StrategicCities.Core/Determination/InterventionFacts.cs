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

    /// <summary>Alters the sagoma (shape).</summary>
    public bool ShapeChange { get; init; }

    /// <summary>Alters the area di sedime (footprint).</summary>
    public bool FootprintChange { get; init; }

    /// <summary>Alters the planivolumetric or typological features.</summary>
    public bool TypologyChange { get; init; }

    /// <summary>Creates or alters external openings or roof windows (D.P.R. 31/2017 All. A, A.2).</summary>
    public bool OpeningsChange { get; init; }

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

    /// <summary>Protected under art. 136 c.1 lett. a D.Lgs. 42/2004 (implies <see cref="Landscape"/>).</summary>
    public bool LandscapeArt136A { get; init; }

    /// <summary>Protected under art. 136 c.1 lett. b.</summary>
    public bool LandscapeArt136B { get; init; }

    /// <summary>Protected under art. 136 c.1 lett. c.</summary>
    public bool LandscapeArt136C { get; init; }

    /// <summary>Protected under art. 136 c.1 lett. d.</summary>
    public bool LandscapeArt136D { get; init; }

    /// <summary>In an area protected by law (art. 142).</summary>
    public bool LandscapeArt142 { get; init; }

    /// <summary>The kind of landscape protection was stated (<c>landscapeProtection</c> given).</summary>
    public bool LandscapeKindStated { get; init; }

    /// <summary>Annex of D.P.R. 31/2017 the works are assigned to: "A", "B" or "".</summary>
    public string LandscapeSchedule { get; init; } = "";

    /// <summary>Item number within <see cref="LandscapeSchedule"/>; 0 when not stated.</summary>
    public int LandscapeItem { get; init; }

    /// <summary>Zona omogenea A.</summary>
    public bool ZoneA { get; init; }

    /// <summary>Seismic zone 1–4; 0 when not stated.</summary>
    public int SeismicZone { get; init; }

    /// <summary>Art. 94-bis c.1 class: "rilevante", "minore-rilevanza", "privo-di-rilevanza", or "" when not stated.</summary>
    public string SeismicRelevance { get; init; } = "";

    /// <summary>Works meant to be removed.</summary>
    public bool Temporary { get; init; }

    /// <summary>Days the temporary works stay; 0 when not temporary.</summary>
    public int TemporaryDays { get; init; }

    /// <summary>Affects the envelope or plant (L. 10/1991).</summary>
    public bool EnergyRelevant { get; init; }

    /// <summary>Area governed by a detailed plan with precise planivolumetric provisions.</summary>
    public bool DetailedPlan { get; init; }

    /// <summary>Free works of art. 6 c.1 b-bis/b-ter: "vepa-logge-balconi", "vepa-porticati", "tende-pergotende", or "".</summary>
    public string FreeWork { get; init; } = "";

    /// <summary>Works already carried out: "assenza-titolo", "totale-difformita", "variazione-essenziale", "parziale-difformita", or "" for works still to be done.</summary>
    public string NonConformity { get; init; } = "";

    /// <summary>With <see cref="NonConformity"/>: the works are still in progress (art. 6-bis c.5, art. 37 c.5 D.P.R. 380/2001).</summary>
    public bool WorksInProgress { get; init; }
}
