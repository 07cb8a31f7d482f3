using System.Text.Json.Serialization;
using StrategicCities.Core.Legal;

namespace StrategicCities.Core;

/// <summary>
/// A mistake in a request (an outcome, not a fault): a stable code, the JSON pointer of what is
/// wrong, and the message in Italian and English. Hosts map it to RFC 9457 problem details.
/// </summary>
public sealed record InputError(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("pointer")] string Pointer,
    [property: JsonPropertyName("message")] LocalizedText Message)
{
    /// <summary>Stable codes.</summary>
    public static class Codes
    {
        /// <summary>The municipality code is not 6 digits.</summary>
        public const string MunicipalityInvalid = Problems.ProblemCatalog.MunicipalityInvalid;

        /// <summary>No municipality has that ISTAT code.</summary>
        public const string MunicipalityUnknown = Problems.ProblemCatalog.MunicipalityUnknown;

        /// <summary>The legal date is not a calendar date (yyyy-MM-dd).</summary>
        public const string LegalDateInvalid = Problems.ProblemCatalog.LegalDateInvalid;

        /// <summary>The legal date precedes every version.</summary>
        public const string NoVersion = Problems.ProblemCatalog.NoVersion;

        /// <summary>The body is not JSON.</summary>
        public const string NotJson = Problems.ProblemCatalog.BodyNotJson;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Code} at {Pointer}: {Message.En}";
}
