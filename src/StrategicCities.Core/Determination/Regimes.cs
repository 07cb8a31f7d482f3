namespace StrategicCities.Core.Determination;

/// <summary>
/// The procedure regimes, least to most demanding, and the pure helper rule expressions may call
/// (<c>Regimes.AtLeast(regime, "scia")</c>). Registered with RulesEngine as a custom type: keep it pure.
/// </summary>
public static class Regimes
{
    /// <summary>Regime codes ordered from least to most demanding.</summary>
    public static readonly IReadOnlyList<string> Ordered =
        ["edilizia-libera", "cil", "cila", "scia", "scia-alternativa", "permesso-di-costruire"];

    /// <summary>Position in <see cref="Ordered"/>, or -1 for an unknown code.</summary>
    public static int Rank(string regime)
    {
        for (var i = 0; i < Ordered.Count; i++)
        {
            if (Ordered[i] == regime)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Whether <paramref name="regime"/> is at least as demanding as <paramref name="minimum"/>.</summary>
    public static bool AtLeast(string regime, string minimum) => Rank(regime) >= Rank(minimum) && Rank(regime) >= 0;

    /// <summary>Whether <paramref name="regime"/> needs a title or filing (anything beyond edilizia libera).</summary>
    public static bool RequiresFiling(string regime) => Rank(regime) > 0;
}
