namespace StrategicCities.Api.Contracts;

/// <summary>The procedures of the catalog.</summary>
public sealed record ProceduresResponse(IReadOnlyList<ProcedureSummary> Procedures);

/// <summary>One procedure (a regime) and its versions.</summary>
public sealed record ProcedureSummary(string Id, IReadOnlyList<ProcedureVersionSummary> Versions);

/// <summary>One version of a procedure definition, with its half-open validity and content hash.</summary>
public sealed record ProcedureVersionSummary(string Version, DateOnly ValidFrom, DateOnly? ValidTo, string Hash);
