using System.Text.Json.Serialization;

namespace StrategicCities.Api.Contracts;

/// <summary>Category of works (D.P.R. 380/2001 art. 3), as written in the intervention vocabulary.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<InterventionCategory>))]
public enum InterventionCategory
{
    /// <summary>manutenzione-ordinaria</summary>
    [JsonStringEnumMemberName("manutenzione-ordinaria")] ManutenzioneOrdinaria,

    /// <summary>manutenzione-straordinaria</summary>
    [JsonStringEnumMemberName("manutenzione-straordinaria")] ManutenzioneStraordinaria,

    /// <summary>restauro-risanamento</summary>
    [JsonStringEnumMemberName("restauro-risanamento")] RestauroRisanamento,

    /// <summary>ristrutturazione-edilizia</summary>
    [JsonStringEnumMemberName("ristrutturazione-edilizia")] RistrutturazioneEdilizia,

    /// <summary>nuova-costruzione</summary>
    [JsonStringEnumMemberName("nuova-costruzione")] NuovaCostruzione,

    /// <summary>ristrutturazione-urbanistica</summary>
    [JsonStringEnumMemberName("ristrutturazione-urbanistica")] RistrutturazioneUrbanistica,

    /// <summary>demolizione</summary>
    [JsonStringEnumMemberName("demolizione")] Demolizione,

    /// <summary>cambio-uso</summary>
    [JsonStringEnumMemberName("cambio-uso")] CambioUso,

    /// <summary>opere-pertinenziali</summary>
    [JsonStringEnumMemberName("opere-pertinenziali")] OperePertinenziali,

    /// <summary>opere-temporanee</summary>
    [JsonStringEnumMemberName("opere-temporanee")] OpereTemporanee,
}
