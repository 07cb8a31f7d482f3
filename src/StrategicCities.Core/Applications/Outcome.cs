namespace StrategicCities.Core.Applications;

/// <summary>
/// What a use case answers: a value (with the application's version, when it has one) or a refusal with its stable
/// code and details. Refusals are outcomes, never exceptions; the Api maps a refusal's code to an HTTP status in its
/// one table (<c>ProblemStatus</c>), the sweep and the CLI read the code.
/// </summary>
/// <typeparam name="T">The value of a success.</typeparam>
public sealed record Outcome<T>
{
    private Outcome(T? value, long? version, InputError? refusal, IReadOnlyDictionary<string, object?>? details)
    {
        Value = value;
        Version = version;
        Refusal = refusal;
        Details = details;
    }

    /// <summary>The value of a success (default when refused).</summary>
    public T? Value { get; }

    /// <summary>The application's version after a success (its ETag), if the value has one; with a stale refusal, the current one.</summary>
    public long? Version { get; }

    /// <summary>Why the use case refused, or null on success.</summary>
    public InputError? Refusal { get; }

    /// <summary>Extra members of a refusal (e.g. <c>permittedTriggers</c>, <c>report</c>, <c>currentVersion</c>).</summary>
    public IReadOnlyDictionary<string, object?>? Details { get; }

    /// <summary>Whether the use case succeeded.</summary>
    public bool Succeeded => Refusal is null;

    /// <summary>The refusal's stable code, or null on success.</summary>
    public string? Code => Refusal?.Code;

    /// <summary>A success.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "Outcome<T>.Ok(…) reads as the outcome it builds; a non-generic factory would need the type spelled at every refusal.")]
    public static Outcome<T> Ok(T value, long? version = null) => new(value, version, null, null);

    /// <summary>A refusal.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "As Ok.")]
    public static Outcome<T> Refused(InputError refusal, IReadOnlyDictionary<string, object?>? details = null, long? version = null)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return new(default, version, refusal, details);
    }
}
