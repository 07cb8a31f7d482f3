namespace StrategicCities.Data.Migrations;

/// <summary>The database's journal does not match this build's scripts: a changed or unknown applied script.</summary>
public sealed class MigrationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MigrationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public MigrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public MigrationException()
    {
    }
}
