using StrategicCities.Core.Procedures;

namespace StrategicCities.Core.Monitoring.Seeding;

/// <summary>A seeded application: the row, its events (legal transitions of its pinned definition) and its clock facts.</summary>
public sealed record SeededApplication
{
    /// <summary>The id.</summary>
    public required Guid Id { get; init; }

    /// <summary>ISTAT code.</summary>
    public required string Municipality { get; init; }

    /// <summary>The office.</summary>
    public required Guid OfficeId { get; init; }

    /// <summary>The regime (procedure id).</summary>
    public required string Regime { get; init; }

    /// <summary>The current state.</summary>
    public required string State { get; init; }

    /// <summary>Form data JSON with fake but well-formed personal data.</summary>
    public required string Data { get; init; }

    /// <summary>Filing date.</summary>
    public required DateOnly FiledOn { get; init; }

    /// <summary>The pinned procedure: id, version, content hash.</summary>
    public required (string Id, string Version, string Hash) Procedure { get; init; }

    /// <summary>The events, in order.</summary>
    public required IReadOnlyList<ProcedureEvent> Events { get; init; }

    /// <summary>What the legal clock says.</summary>
    public required ClockAssessment Clock { get; init; }
}
