using System.ComponentModel;
using System.Text.Json.Serialization;

namespace StrategicCities.Api.Contracts;

/// <summary>
/// The intervention vocabulary (DESIGN.md §4), for the OpenAPI document only: the endpoint reads the
/// raw body and Core validates it against schemas/intervention.schema.json, which is authoritative
/// (unknown fields are refused, so nothing sent is silently dropped).
/// </summary>
[Description("Intervention (DESIGN.md §4); validated against schemas/intervention.schema.json. Unknown fields are refused.")]
public sealed record InterventionRequest
{
    /// <summary>Category of works.</summary>
    [JsonPropertyName("category")]
    public required InterventionCategory Category { get; init; }

    /// <summary>Touches load-bearing structures.</summary>
    [JsonPropertyName("structuralParts"), Description("Touches load-bearing structures")]
    public bool? StructuralParts { get; init; }

    /// <summary>Alters the facades.</summary>
    [JsonPropertyName("facadeChanges"), Description("Alters the facades (prospetti)")]
    public bool? FacadeChanges { get; init; }

    /// <summary>Increases or changes the volume.</summary>
    [JsonPropertyName("volumeChange"), Description("Increases or changes the volume (cubatura)")]
    public bool? VolumeChange { get; init; }

    /// <summary>Alters the shape.</summary>
    [JsonPropertyName("shapeChange"), Description("Alters the shape (sagoma); absent = false")]
    public bool? ShapeChange { get; init; }

    /// <summary>Alters the footprint.</summary>
    [JsonPropertyName("footprintChange"), Description("Alters the footprint (area di sedime); absent = false")]
    public bool? FootprintChange { get; init; }

    /// <summary>Alters planivolumetric or typological features.</summary>
    [JsonPropertyName("typologyChange"), Description("Alters the planivolumetric or typological features; absent = false")]
    public bool? TypologyChange { get; init; }

    /// <summary>Creates or alters external openings.</summary>
    [JsonPropertyName("openingsChange"), Description("Creates or alters external openings or roof windows (D.P.R. 31/2017 A.2); absent = false")]
    public bool? OpeningsChange { get; init; }

    /// <summary>Increases the floor area.</summary>
    [JsonPropertyName("surfaceIncrease"), Description("Increases the floor area (SUL)")]
    public bool? SurfaceIncrease { get; init; }

    /// <summary>Changes the number of units.</summary>
    [JsonPropertyName("unitsChange"), Description("Changes the number of units (frazionamento / accorpamento)")]
    public bool? UnitsChange { get; init; }

    /// <summary>Change of use.</summary>
    [JsonPropertyName("useChange"), Description("Change of use (art. 23-ter D.P.R. 380/2001)")]
    public UseChangeRequest? UseChange { get; init; }

    /// <summary>Demolition and reconstruction.</summary>
    [JsonPropertyName("demolitionAndReconstruction"), Description("Demolition and reconstruction")]
    public bool? DemolitionAndReconstruction { get; init; }

    /// <summary>Cultural property.</summary>
    [JsonPropertyName("heritage"), Description("Bene culturale (D.Lgs. 42/2004 parte II)")]
    public bool? Heritage { get; init; }

    /// <summary>Landscape constraint.</summary>
    [JsonPropertyName("landscape"), Description("Vincolo paesaggistico (D.Lgs. 42/2004 parte III)")]
    public bool? Landscape { get; init; }

    /// <summary>Kind of landscape protection.</summary>
    [JsonPropertyName("landscapeProtection"), Description("art136-a | art136-b | art136-c | art136-d | art142 (D.Lgs. 42/2004); implies landscape; absent = kind unknown, stricter reading")]
    public IReadOnlyList<string>? LandscapeProtection { get; init; }

    /// <summary>D.P.R. 31/2017 item.</summary>
    [JsonPropertyName("landscapeItem"), Description("Item of D.P.R. 31/2017: A.1-A.31 (exempt) or B.1-B.42 (simplified); absent = ordinary criteria")]
    public string? LandscapeItem { get; init; }

    /// <summary>Zone A.</summary>
    [JsonPropertyName("zoneA"), Description("Zona omogenea A (centro storico)")]
    public bool? ZoneA { get; init; }

    /// <summary>Seismic zone 1 to 4.</summary>
    [JsonPropertyName("seismicZone"), Description("Seismic zone, 1 to 4")]
    public int? SeismicZone { get; init; }

    /// <summary>Seismic relevance (art. 94-bis).</summary>
    [JsonPropertyName("seismicRelevance"), Description("rilevante | minore-rilevanza | privo-di-rilevanza (art. 94-bis D.P.R. 380/2001); absent = the seismic zone is the proxy")]
    public string? SeismicRelevance { get; init; }

    /// <summary>Temporary works.</summary>
    [JsonPropertyName("temporary"), Description("Works meant to be removed")]
    public TemporaryWorksRequest? Temporary { get; init; }

    /// <summary>Affects the envelope or plant.</summary>
    [JsonPropertyName("energyRelevant"), Description("Affects the building envelope or plant (L. 10/1991 report)")]
    public bool? EnergyRelevant { get; init; }

    /// <summary>Detailed plan with planivolumetric provisions.</summary>
    [JsonPropertyName("detailedPlan"), Description("Area governed by a detailed plan with precise planivolumetric provisions")]
    public bool? DetailedPlan { get; init; }

    /// <summary>Free works of art. 6 c.1 b-bis / b-ter.</summary>
    [JsonPropertyName("freeWork"), Description("vepa-logge-balconi | vepa-porticati | tende-pergotende (art. 6 c.1 b-bis, b-ter D.P.R. 380/2001); absent = none")]
    public string? FreeWork { get; init; }

    /// <summary>Works already carried out without or unlike their title.</summary>
    [JsonPropertyName("nonConformity"), Description("assenza-titolo | totale-difformita | variazione-essenziale | parziale-difformita: works already carried out (regularisation, artt. 36, 36-bis, 37, 6-bis c.5 D.P.R. 380/2001); absent = works still to be done")]
    public string? NonConformity { get; init; }

    /// <summary>The non-conforming works are still in progress.</summary>
    [JsonPropertyName("worksInProgress"), Description("With nonConformity: the works are still in progress (art. 6-bis c.5, art. 37 c.5)")]
    public bool? WorksInProgress { get; init; }

    /// <summary>Free text for the record; never used by rules.</summary>
    [JsonPropertyName("description"), Description("Free text for the record, never used by rules")]
    public string? Description { get; init; }
}
