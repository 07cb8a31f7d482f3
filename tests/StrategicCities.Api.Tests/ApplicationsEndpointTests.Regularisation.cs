using System.Net;
using System.Text.Json;

namespace StrategicCities.Api.Tests;

/// <summary>The regularisation procedures (artt. 36, 36-bis, 6-bis c. 5 D.P.R. 380/2001) filed and walked over HTTP.</summary>
public sealed partial class ApplicationsEndpointTests
{
    private static string SanatoriaExample(string form, string name) =>
        File.ReadAllText(Path.Combine(RepoPaths.Schemas, "forms", form, "examples", "2025-05-23", "valid", name + ".json"));

    private async Task<(Guid Id, string ETag)> CreateWithFormAsync(string regime, string? form, string data)
    {
        using var client = Client("clerk");
        var response = await client.PostAsync("/api/v1/applications", Json(JsonSerializer.Serialize(new { municipality = Milano, regime, form })));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var id = (await BodyAsync(response)).GetProperty("id").GetGuid();
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/applications/{id}/data") { Content = Json(data) };
        put.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(response.Headers.ETag!.Tag));
        var updated = await client.SendAsync(put);
        Assert.That(updated.StatusCode, Is.EqualTo(HttpStatusCode.OK), await updated.Content.ReadAsStringAsync());
        return (id, updated.Headers.ETag!.Tag);
    }

    private static IEnumerable<TestCaseData> Regularisations()
    {
        // The form is left to the default for the compliance assessments: both use the permit form's sanatoria section.
        yield return new TestCaseData("accertamento-conformita", null, SanatoriaExample("pdc-sanatoria", "art-36-assenza-titolo"), new[]
        {
            ("clerk", "presentazione"), ("clerk", "richiesta-oblazione"), ("clerk", "pagamento-oblazione"), ("supervisor", "rilascio"),
        }, "rilasciato").SetArgDisplayNames("accertamento-conformita");
        yield return new TestCaseData("accertamento-conformita-parziale", null, SanatoriaExample("pdc-sanatoria", "art-36-bis-variazione-essenziale-con-compatibilita-paesaggistica"), new[]
        {
            ("clerk", "presentazione"), ("clerk", "richiesta-parere-paesaggistico"), ("clerk", "parere-paesaggistico"),
            ("clerk", "richiesta-oblazione"), ("clerk", "pagamento-oblazione"), ("supervisor", "rilascio"),
        }, "rilasciato").SetArgDisplayNames("accertamento-conformita-parziale");
        yield return new TestCaseData("scia-sanatoria", "scia-sanatoria", SanatoriaExample("scia-sanatoria", "persona-fisica"), new[]
        {
            ("clerk", "presentazione"), ("clerk", "pagamento-oblazione"), ("supervisor", "divieto"),
        }, "respinta").SetArgDisplayNames("scia-sanatoria");
        yield return new TestCaseData("cila-tardiva", "cila-tardiva", SanatoriaExample("cila-tardiva", "persona-fisica"), new[]
        {
            ("clerk", "presentazione"), ("clerk", "irrogazione-sanzione"), ("clerk", "pagamento-sanzione"),
        }, "regolarizzata").SetArgDisplayNames("cila-tardiva");
    }

    [TestCaseSource(nameof(Regularisations))]
    public async Task Regularisation_ValidFormThroughTriggers_ReachesFinalState(string regime, string? form, string data, (string Key, string Trigger)[] steps, string end)
    {
        var (id, etag) = await CreateWithFormAsync(regime, form, data);
        foreach (var (key, trigger) in steps)
        {
            var response = await FireAsync(key, id, trigger, ifMatch: etag);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{trigger}: {await response.Content.ReadAsStringAsync()}");
            etag = response.Headers.ETag!.Tag;
        }

        using var client = Client("clerk");
        var application = await BodyAsync(await client.GetAsync($"/api/v1/applications/{id}"));
        Assert.That(application.GetProperty("state").GetString(), Is.EqualTo(end));
        Assert.That(application.GetProperty("form").GetString(), Is.EqualTo(form ?? "pdc-sanatoria"));
    }

    private static IEnumerable<TestCaseData> RefusedByGuards()
    {
        // The permit in sanatoria waits for the oblazione (art. 36 c. 2).
        yield return new TestCaseData("accertamento-conformita", SanatoriaExample("pdc-sanatoria", "art-36-assenza-titolo"), "2025-06-30",
            new[] { ("clerk", "richiesta-oblazione") }, ("supervisor", "rilascio"), "PermitInSanatoriaOnlyAfterTheOblazioneIsPaid", "36")
            .SetArgDisplayNames("art-36-oblazione");
        yield return new TestCaseData("accertamento-conformita-parziale", SanatoriaExample("pdc-sanatoria", "persona-fisica"), "2025-06-30",
            new[] { ("clerk", "richiesta-oblazione") }, ("supervisor", "rilascio"), "PartialSanatoriaPermitOnlyAfterTheOblazioneIsPaid", "36-bis")
            .SetArgDisplayNames("art-36-bis-oblazione");
        // Filed on 26 May 2025 (the 2025 form's first week): the 30 days ended on 25 June, so an order on 1 July comes too late.
        yield return new TestCaseData("scia-sanatoria", SanatoriaExample("scia-sanatoria", "persona-fisica"), "2025-05-26",
            Array.Empty<(string, string)>(), ("supervisor", "divieto"), "SciaInSanatoriaOrdersOnlyWithinControlTerm", "36-bis")
            .SetArgDisplayNames("scia-sanatoria-late-order");
    }

    [TestCaseSource(nameof(RefusedByGuards))]
    public async Task Regularisation_TriggerAgainstItsGuard_Returns409WithRuleAndLegalBasis(
        string regime, string data, string filedOn, (string Key, string Trigger)[] before, (string Key, string Trigger) refused, string rule, string article)
    {
        var form = regime == "scia-sanatoria" ? "scia-sanatoria" : null;
        var (id, etag) = await CreateWithFormAsync(regime, form, data);
        var filed = await FireAsync("clerk", id, "presentazione", ifMatch: etag, body: $"{{\"date\":\"{filedOn}\"}}");
        Assert.That(filed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await filed.Content.ReadAsStringAsync());
        etag = filed.Headers.ETag!.Tag;
        foreach (var (key, trigger) in before)
        {
            var response = await FireAsync(key, id, trigger, ifMatch: etag);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{trigger}: {await response.Content.ReadAsStringAsync()}");
            etag = response.Headers.ETag!.Tag;
        }

        var refusal = await FireAsync(refused.Key, id, refused.Trigger, ifMatch: etag);
        var body = await BodyAsync(refusal);
        var first = body.GetProperty("refusals")[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusal.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), body.ToString());
            Assert.That(body.GetProperty("code").GetString(), Is.EqualTo("trigger.guard-refused"));
            Assert.That(first.GetProperty("rule").GetString(), Is.EqualTo(rule));
            Assert.That(first.GetProperty("legalBasis").EnumerateArray().Select(b => b.GetProperty("article").GetString()), Does.Contain(article));
            Assert.That(first.GetProperty("message").GetProperty("it").GetString(), Is.Not.Empty);
        }
    }

    [Test]
    public async Task Regularisation_PartialSanatoriaFiledToday_HasFortyFiveDaysMovedOffFerragosto()
    {
        var (id, etag) = await CreateWithFormAsync("accertamento-conformita-parziale", null, SanatoriaExample("pdc-sanatoria", "persona-fisica"));
        var filed = await FireAsync("clerk", id, "presentazione", ifMatch: etag);
        Assert.That(filed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await filed.Content.ReadAsStringAsync());

        var deadlines = await DeadlinesAsync(id);

        // 1 July 2025 + 45 days = 15 August, a holiday: the term ends the next day.
        Assert.That(deadlines["accertamento-parziale-pronuncia"], Is.EqualTo("2025-08-16"));
        Assert.That(deadlines["accertamento-parziale-compatibilita-paesaggistica"], Is.Null);
    }

    [Test]
    public async Task Submit_CilaTardivaWithReducedFineForCompletedWorks_Returns422NamingArticleSixBis()
    {
        var form = System.Text.Json.Nodes.JsonNode.Parse(SanatoriaExample("cila-tardiva", "persona-fisica"))!;
        form["comunicazioneTardiva"]!["statoLavori"] = "ultimati";
        form["comunicazioneTardiva"]!["dataFineLavori"] = "2025-05-30";
        var (id, etag) = await CreateWithFormAsync("cila-tardiva", "cila-tardiva", form.ToJsonString());

        var response = await FireAsync("clerk", id, "presentazione", ifMatch: etag);

        var body = await BodyAsync(response);
        var issue = body.GetProperty("report").GetProperty("errors").EnumerateArray()
            .Single(e => e.GetProperty("code").GetString() == "cila-tardiva.sanzione-ridotta-non-spettante");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(issue.GetProperty("pointer").GetString(), Is.EqualTo("/comunicazioneTardiva/sanzione/importo"));
            Assert.That(issue.GetProperty("legalBasis").EnumerateArray().Select(b => b.GetProperty("article").GetString()), Does.Contain("6-bis"));
        }
    }
}
