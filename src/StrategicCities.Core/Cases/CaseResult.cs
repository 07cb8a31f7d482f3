namespace StrategicCities.Core.Cases;

/// <summary>The verdict on one case: passed, or the differences between expected and actual.</summary>
public sealed record CaseResult(LegalCase Case, IReadOnlyList<string> Failures)
{
    /// <summary>Whether every expectation held.</summary>
    public bool Passed => Failures.Count == 0;

    /// <summary>One line for the failing-case report: <c>file#index "name": failure; failure</c>.</summary>
    public override string ToString() => $"{Case.File}#{Case.Index + 1} \"{Case.Name}\": {string.Join("; ", Failures)}";
}
