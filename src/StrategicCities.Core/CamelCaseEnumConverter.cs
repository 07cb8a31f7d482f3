using System.Text.Json;
using System.Text.Json.Serialization;

namespace StrategicCities.Core;

/// <summary>Enum values as camelCase strings (<c>overridden</c>, <c>municipality</c>).</summary>
/// <typeparam name="TEnum">The enum.</typeparam>
public sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase)
    where TEnum : struct, Enum;
