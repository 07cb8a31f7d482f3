namespace StrategicCities.Data;

/// <summary>ISTAT municipality codes: six digits (e.g. 015146 Milano).</summary>
public static class MunicipalityCode
{
    /// <summary>Whether the text is six ASCII digits.</summary>
    public static bool IsValid(string? code) => code is { Length: 6 } && code.All(char.IsAsciiDigit);

    internal static void ThrowIfInvalid(string code, string parameter)
    {
        if (!IsValid(code))
        {
            throw new ArgumentException($"'{code}' is not an ISTAT municipality code (6 digits).", parameter);
        }
    }
}
