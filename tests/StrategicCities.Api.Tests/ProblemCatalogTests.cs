using System.Reflection;
using System.Text.RegularExpressions;
using StrategicCities.Api.Controllers;
using StrategicCities.Api.Intake;
using StrategicCities.Api.Monitoring;
using StrategicCities.Api.Problems;
using StrategicCities.Core;
using StrategicCities.Core.Forms;
using StrategicCities.Core.Law;
using StrategicCities.Core.Problems;
using StrategicCities.Core.Procedures;
using StrategicCities.Core.Procedures.Clock;

namespace StrategicCities.Api.Tests;

/// <summary>Every problem code is declared once, in Core's catalog, with a kind the API maps to one status.</summary>
public sealed partial class ProblemCatalogTests
{
    // The classes that group codes by area for their callers: each constant must be the catalog's.
    private static readonly Type[] AreaClasses =
    [
        typeof(InputError.Codes), typeof(FormValidator.Codes), typeof(ProcedureCatalog), typeof(DeadlineCheck.Codes),
        typeof(LawProblems), typeof(ProblemCodes), typeof(IntakeCodes), typeof(MonitoringCodes), typeof(CatalogReloadController),
        typeof(Core.Fees.FeeProblems),
    ];

    [Test]
    public void AreaClasses_EveryProblemConstant_IsDeclaredInTheCatalog()
    {
        var codes = AreaClasses
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string))
                .Select(f => (Where: $"{t.Name}.{f.Name}", Code: (string)f.GetRawConstantValue()!)))
            .Where(c => CodeShape().IsMatch(c.Code) || c.Code == ProblemCatalog.Internal)
            .ToList();

        Assert.That(codes, Has.Count.GreaterThan(40), "the reflection found the area constants");
        Assert.That(codes.Where(c => !ProblemCatalog.IsDeclared(c.Code)).Select(c => c.Where), Is.Empty);
    }

    [Test]
    public void Catalog_Codes_AreUniqueAndDotted()
    {
        var constants = typeof(ProblemCatalog).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(constants, Is.Unique);
            Assert.That(constants.Where(c => c != ProblemCatalog.Internal && !CodeShape().IsMatch(c)), Is.Empty);
            Assert.That(constants, Is.EquivalentTo(ProblemCatalog.All.Keys), "every constant has a kind, and every kind a constant");
        });
    }

    [Test]
    public void Sources_ProblemCodeLiterals_AppearOnlyInTheCatalog()
    {
        // A code written as a literal where an error is built escapes the catalog (and its status): e.g.
        // new InputError("intervention.wrong-type", …) or ProblemFactory.Error("body.too-deep", …).
        var src = Path.Combine(Path.GetDirectoryName(RepoPaths.Rules)!, "src");
        var offenders = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.EndsWith("ProblemCatalog.cs", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(src, f), Line: i + 1, Text: line)))
            .Where(l => LiteralError().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}")
            .ToList();

        Assert.That(offenders, Is.Empty);
    }

    [TestCase(ProblemKind.Malformed, 400)]
    [TestCase(ProblemKind.Unauthenticated, 401)]
    [TestCase(ProblemKind.Forbidden, 403)]
    [TestCase(ProblemKind.NotFound, 404)]
    [TestCase(ProblemKind.Conflict, 409)]
    [TestCase(ProblemKind.PreconditionFailed, 412)]
    [TestCase(ProblemKind.Unprocessable, 422)]
    [TestCase(ProblemKind.PreconditionRequired, 428)]
    [TestCase(ProblemKind.TooManyRequests, 429)]
    [TestCase(ProblemKind.Unavailable, 503)]
    [TestCase(ProblemKind.Fault, 500)]
    public void Of_Kind_MapsToItsStatus(ProblemKind kind, int status) =>
        Assert.That(ProblemStatus.Of(kind), Is.EqualTo(status));

    [Test]
    public void Of_EveryKind_IsAClientOrServerErrorStatus() =>
        Assert.That(Enum.GetValues<ProblemKind>().Select(ProblemStatus.Of), Has.All.InRange(400, 599));

    [GeneratedRegex(@"^[a-z][a-z-]*(\.[a-z][a-z-]*)+$")]
    private static partial Regex CodeShape();

    [GeneratedRegex(@"(InputError|Error)\(\s*""[a-z][a-z-]*\.[a-z][a-z.-]*""")]
    private static partial Regex LiteralError();
}
