using System.Diagnostics.CodeAnalysis;
using StrategicCities.Core.Legal;

namespace StrategicCities.Core.Forms.Formats;

/// <summary>
/// The outcome of checking one value against an identifier format: valid, or invalid with a
/// stable <see cref="Reason"/> code (see <see cref="FormatReasons"/>) and a message for the applicant.
/// </summary>
public sealed record FormatCheck
{
    private FormatCheck(string? reason, LocalizedText? message)
    {
        Reason = reason;
        Message = message;
    }

    /// <summary>The result for a value that matches the format.</summary>
    public static FormatCheck Valid { get; } = new(null, null);

    /// <summary>True when the value matches the format; then <see cref="Reason"/> and <see cref="Message"/> are null.</summary>
    [MemberNotNullWhen(false, nameof(Reason), nameof(Message))]
    public bool IsValid => Reason is null;

    /// <summary>A stable, machine-readable reason code, one of <see cref="FormatReasons"/>; null when valid.</summary>
    public string? Reason { get; }

    /// <summary>Why the value is invalid, in Italian and English; null when valid.</summary>
    public LocalizedText? Message { get; }

    /// <summary>Creates the result for an invalid value.</summary>
    /// <param name="reason">A reason code from <see cref="FormatReasons"/>.</param>
    /// <param name="message">The explanation for the applicant.</param>
    public static FormatCheck Invalid(string reason, LocalizedText message)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        ArgumentNullException.ThrowIfNull(message);
        return new FormatCheck(reason, message);
    }
}
