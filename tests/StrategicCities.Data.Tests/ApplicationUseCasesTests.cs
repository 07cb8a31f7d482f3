using Microsoft.Extensions.Logging.Abstractions;
using StrategicCities.Core.Applications;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Law;
using StrategicCities.Core.Problems;
using StrategicCities.Data.Tests.Support;

namespace StrategicCities.Data.Tests;

/// <summary>
/// The application use cases in Core, run as the sweep and the CLI run them: no HTTP, a real database, the shipped law.
/// Their refusals are outcomes with stable codes and the details a caller needs.
/// </summary>
[TestFixture(Dialect.Sqlite)]
[TestFixture(Dialect.Postgres)]
public sealed class ApplicationUseCasesTests(Dialect dialect) : DialectFixture(dialect)
{
    private const string Milano = "015146";
    private ApplicationUseCases _useCases = null!;

    [OneTimeSetUp]
    public async Task LoadLawAsync()
    {
        var law = await LawCatalog.LoadAsync(CatalogSources.Discover());
        Assert.That(law.Succeeded, Is.True, string.Join("; ", law.Problems));
        _useCases = new ApplicationUseCases(Applications, new FixedLawSource(law.Catalog!), Time, NullLogger<ApplicationUseCases>.Instance);
    }

    private static Caller ClerkOf(params string[] municipalities) => new(Clerk, null, MunicipalityScope.Of(municipalities));

    [Test]
    public async Task Create_MunicipalityOutsideTheCallersOffice_RefusedOutOfScope()
    {
        var outcome = await _useCases.CreateAsync(ClerkOf("058091"), new CreateApplicationRequest { Municipality = Milano, Regime = "scia" }, null, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Succeeded, Is.False);
            Assert.That(outcome.Code, Is.EqualTo(ProblemCatalog.AuthOutOfScope));
            Assert.That(outcome.Refusal!.Pointer, Is.EqualTo("/municipality"));
        });
    }

    [Test]
    public async Task Create_UnknownRegime_RefusedRegimeUnknownAtTheRegime()
    {
        var outcome = await _useCases.CreateAsync(ClerkOf(Milano), new CreateApplicationRequest { Municipality = Milano, Regime = "condono-tombale", Form = "scia" }, null, CancellationToken.None);

        Assert.That((outcome.Code, outcome.Refusal?.Pointer), Is.EqualTo((ProblemCatalog.RegimeUnknown, "/regime")));
    }

    [Test]
    public async Task Create_KnownRegime_DraftInTheProceduresInitialStateWithTheRegimesForm()
    {
        var outcome = await _useCases.CreateAsync(ClerkOf(Milano), new CreateApplicationRequest { Municipality = Milano, Regime = "permesso-di-costruire" }, null, CancellationToken.None);

        Assert.That(outcome.Succeeded, Is.True, outcome.Refusal?.Message.En);
        var stored = await Applications.GetAsync(outcome.Value!.Id, MunicipalityScope.Everywhere);
        Assert.That((stored!.State, stored.Form, stored.Regime, outcome.Version), Is.EqualTo(("bozza", "pdc", "permesso-di-costruire", (long?)stored.Version)));
    }

    [Test]
    public async Task UpdateData_StaleVersion_RefusedStaleWithTheCurrentVersion()
    {
        var draft = await CreateDraftAsync(Milano);
        var first = await _useCases.UpdateDataAsync(ClerkOf(Milano), draft.Id, draft.Version, "{}", CancellationToken.None);

        var stale = await _useCases.UpdateDataAsync(ClerkOf(Milano), draft.Id, draft.Version, "{}", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(first.Succeeded, Is.True, first.Refusal?.Message.En);
            Assert.That(stale.Code, Is.EqualTo(ProblemCatalog.ApplicationStale));
            Assert.That(stale.Details!["currentVersion"], Is.EqualTo(first.Version));
        });
    }

    [Test]
    public async Task Fire_UnknownTriggerOnAFiledApplication_RefusedWithThePermittedTriggers_AndAnExpiryOfItIsNeverDue()
    {
        var filed = await FileAsync([]);

        var outcome = await _useCases.FireAsync(ClerkOf(Milano), filed, "no-such-act", null, null, CancellationToken.None);
        var expiry = await _useCases.ExpireAsync(Caller.System("test"), filed, "no-such-act", new DateOnly(2025, 3, 1), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Code, Is.EqualTo(ProblemCatalog.TriggerUnknown));
            Assert.That(outcome.Details!["permittedTriggers"], Is.Not.Empty);
            Assert.That(expiry, Is.EqualTo(ExpiryResult.NeverDue));
        });
    }

    [Test]
    public async Task Fire_FiledApplicationWhosePinnedProcedureIsMissing_RefusedPinnedVersionMissing_AndAnExpiryIsRetried()
    {
        var filed = await FileAsync([new PinnedVersion("procedures/scia", "national", "IT", "2024-07-30", "sha256:" + new string('0', 64))]);

        var outcome = await _useCases.FireAsync(ClerkOf(Milano), filed, "sospensione", null, null, CancellationToken.None);
        var expiry = await _useCases.ExpireAsync(Caller.System("test"), filed, "consolidamento", new DateOnly(2025, 3, 1), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Code, Is.EqualTo(ProblemCatalog.PinnedVersionMissing));
            Assert.That(ProblemCatalog.KindOf(outcome.Code!), Is.EqualTo(ProblemKind.Unavailable));
            Assert.That(expiry, Is.EqualTo(ExpiryResult.Retry));
        });
    }

    // A SCIA in Milano filed on 2025-03-01 with the given pins (none: the procedure in force on the date runs).
    private async Task<Guid> FileAsync(IReadOnlyList<PinnedVersion> pins)
    {
        var draft = await Applications.CreateDraftAsync(new NewApplication { Municipality = Milano, Form = "scia", Regime = "scia", Data = "{}", State = "draft", CreatedBy = Clerk });
        var written = await Applications.SubmitAsync(Submit(draft) with { PinnedVersions = pins }, MunicipalityScope.Everywhere);
        Assert.That(written.Succeeded, Is.True);
        return draft.Id;
    }
}
