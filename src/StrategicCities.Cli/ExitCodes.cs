namespace StrategicCities.Cli;

/// <summary>Exit codes of <c>permits</c>, documented in the README.</summary>
internal static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>Lint problems, failing cases, or a rule catalog that does not load.</summary>
    public const int Failed = 1;

    /// <summary>Bad input: unknown municipality, date with no rules, malformed intervention, bad options.</summary>
    public const int BadInput = 2;
}
