namespace StrategicCities.Core.Applications;

/// <summary>The procedure definition an application was filed under.</summary>
/// <param name="Id">The procedure id (e.g. pdc).</param>
/// <param name="Version">Its version.</param>
/// <param name="Hash">Its content hash.</param>
public sealed record ProcedurePin(string Id, string Version, string Hash);
