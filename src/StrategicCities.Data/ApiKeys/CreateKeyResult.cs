namespace StrategicCities.Data.ApiKeys;

/// <summary>How creating a key ended.</summary>
public enum CreateKeyStatus
{
    /// <summary>Created: <see cref="CreateKeyResult.Secret"/> holds the secret, shown this once.</summary>
    Created,

    /// <summary>A clerk or supervisor key needs an office.</summary>
    OfficeRequired,

    /// <summary>The office does not exist.</summary>
    UnknownOffice,
}

/// <summary>The result of <see cref="ApiKeyStore.CreateAsync"/>.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Key">The stored key when created.</param>
/// <param name="Secret">The full key to give to the caller, when created. It is not stored and cannot be shown again.</param>
public sealed record CreateKeyResult(CreateKeyStatus Status, ApiKey? Key = null, string? Secret = null);
