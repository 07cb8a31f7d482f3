using StrategicCities.Api.Problems;
using StrategicCities.Core;

namespace StrategicCities.Api.Tests;

public sealed class ProblemStatusTests
{
    [TestCase("intervention.unknown-field", "/foo", 400)]
    [TestCase("intervention.wrong-type", "/heritage", 400)]
    [TestCase("body.not-json", "", 400)]
    [TestCase("body.too-deep", "", 400)]
    [TestCase("body.too-large", "", 413)]
    [TestCase("body.unsupported-media-type", "/headers/content-type", 415)]
    [TestCase("municipality.invalid", "/query/municipality", 400)]
    [TestCase("municipality.unknown", "/query/municipality", 422)]
    [TestCase("municipality.unknown", "/path/municipality", 404)]
    [TestCase("legal-date.invalid", "/query/date", 400)]
    [TestCase("legal-date.no-version", "/query/date", 422)]
    [TestCase("route.not-found", "", 404)]
    [TestCase("method.not-allowed", "", 405)]
    [TestCase("rules.fault", "", 500)]
    [TestCase("some.future-outcome", "/x", 422)]
    [TestCase("application.not-found", "/path/id", 404)]
    [TestCase("application.stale", "/header/If-Match", 412)]
    [TestCase("precondition.weak-etag", "/header/If-Match", 412)]
    [TestCase("precondition.required", "/header/If-Match", 428)]
    [TestCase("application.conflict", "", 409)]
    [TestCase("application.filed", "", 409)]
    [TestCase("trigger.forbidden", "/path/trigger", 403)]
    [TestCase("auth.out-of-scope", "/municipality", 403)]
    [TestCase("auth.missing", "/header/X-Api-Key", 401)]
    [TestCase("rate.limited", "", 429)]
    [TestCase("law.pinned-version-missing", "", 503)]
    [TestCase("idempotency.mismatch", "/header/Idempotency-Key", 422)]
    [TestCase("idempotency.in-progress", "/header/Idempotency-Key", 409)]
    public void For_Code_MapsToDocumentedStatus(string code, string pointer, int expected)
    {
        var status = ProblemStatus.For(ProblemFactory.Error(code, pointer, "it", "en"));

        Assert.That(status, Is.EqualTo(expected));
    }

    [Test]
    public void For_MixedErrors_MalformedInputWinsAndDecides()
    {
        IReadOnlyList<InputError> errors =
        [
            ProblemFactory.Error("legal-date.no-version", "/query/date", "it", "en"),
            ProblemFactory.Error("intervention.unknown-field", "/foo", "it", "en"),
        ];

        var (status, decisive) = ProblemStatus.For(errors);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(400));
            Assert.That(decisive.Code, Is.EqualTo("intervention.unknown-field"));
        }
    }

    [Test]
    public void Order_MixedErrors_PutsTheDecisiveErrorFirstAndKeepsTheRestInOrder()
    {
        IReadOnlyList<InputError> errors =
        [
            ProblemFactory.Error("municipality.unknown", "/query/municipality", "it", "en"),
            ProblemFactory.Error("intervention.unknown-field", "/foo", "it", "en"),
            ProblemFactory.Error("intervention.wrong-type", "/heritage", "it", "en"),
        ];

        var ordered = ProblemStatus.Order(errors);

        Assert.That(ordered.Select(e => e.Pointer), Is.EqualTo(new[] { "/foo", "/heritage", "/query/municipality" }));
    }
}
