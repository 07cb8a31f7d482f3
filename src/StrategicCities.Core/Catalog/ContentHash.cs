using System.Security.Cryptography;

namespace StrategicCities.Core.Catalog;

/// <summary>
/// The content hash of a released file, <c>sha256:</c> + lowercase hex of its bytes: what applications pin and what the
/// release lock records. One definition, so a pin and a lock entry of the same file always agree.
/// </summary>
public static class ContentHash
{
    /// <summary>The hash of <paramref name="bytes"/>.</summary>
    public static string Of(ReadOnlySpan<byte> bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The hash of the file at <paramref name="path"/>, read as a stream.</summary>
    public static async Task<string> OfFileAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = File.OpenRead(path);
        return "sha256:" + Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}
