namespace StrategicCities.Core.OpenData;

/// <summary>Open-data file formats.</summary>
public enum OpenDataFormat
{
    /// <summary>RFC 4180 CSV, UTF-8 without BOM, CRLF, header row.</summary>
    Csv,

    /// <summary>A JSON array of objects, UTF-8, one object per line.</summary>
    Json,
}
