using CsCheck;

namespace StrategicCities.Api.Tests.Robustness;

/// <summary>Every route of the API with generated path segments (POST /api/v1/catalog/reload aside: it rereads the rules from disk).</summary>
public sealed partial class ApiRobustnessTests
{
    private static readonly string[] GetRoutes =
    [
        "/", "/demo", "/dashboard", "/health", "/health/ready",
        "/api/v1/applications", "/api/v1/applications/{id}", "/api/v1/applications/{id}/events", "/api/v1/applications/{id}/deadlines",
        "/api/v1/catalog", "/api/v1/catalog/{municipality}", "/api/v1/catalog/{municipality}/diff",
        "/api/v1/procedures", "/api/v1/procedures/{procedure}/graph",
        "/api/v1/opendata/permits.csv", "/api/v1/opendata/permits.json", "/api/v1/opendata/permits-dictionary.md",
        "/api/v1/opendata/permits-monthly.csv", "/api/v1/opendata/permits-monthly.json", "/api/v1/opendata/catalog.jsonld",
        "/api/v1/forms", "/api/v1/forms/{form}/schema",
        "/api/v1/stats", "/api/v1/stats/backlog", "/api/v1/stats/charts/{chart}.svg",
        "/api/v1/{unknown}",
    ];

    private static readonly (string Method, string Route)[] WriteRoutes =
    [
        ("POST", "/api/v1/determinations"), ("POST", "/api/v1/applications"), ("PUT", "/api/v1/applications/{id}/data"),
        ("POST", "/api/v1/applications/{id}/triggers/{trigger}"), ("POST", "/api/v1/applications/{id}/repin"),
        ("POST", "/api/v1/forms/{form}/validate"),
    ];

    private Gen<HostileRequest> Requests()
    {
        var segments = Segments();
        var read = Gen.Select(Gen.OneOf(GetRoutes), Gen.Frequency((12, Gen.Const(HttpMethod.Get)), (1, Gen.Const(HttpMethod.Head))))
            .Select(r => (r.Item2, r.Item1, HasBody: false));
        var write = Gen.OneOf(WriteRoutes).Select(r => (new HttpMethod(r.Method), r.Route, HasBody: true));
        var odd = Gen.Select(Gen.OneOf(GetRoutes.Concat(WriteRoutes.Select(w => w.Route)).ToArray()), Gen.OneOf("DELETE", "PATCH", "OPTIONS", "PUT"))
            .Select(r => (new HttpMethod(r.Item2), r.Item1, HasBody: true));
        var route = Gen.Frequency((5, read), (6, write), (1, odd));
        return Gen.Select(route, segments, HostileInput.Query, HostileInput.Body, HostileInput.ContentType, Gen.Select(HostileInput.IfMatch, HostileInput.IdempotencyKey), Gen.Select(Key(), HostileInput.AcceptLanguage))
            .Select(t => new HostileRequest
            {
                Method = t.Item1.Item1,
                Target = Fill(t.Item1.Item2, t.Item2) + t.Item3,
                Body = t.Item1.HasBody ? t.Item4 : null,
                ContentType = t.Item1.HasBody ? t.Item5 : null,
                IfMatch = t.Item6.Item1,
                IdempotencyKey = t.Item6.Item2,
                Key = t.Item7.Item1,
                AcceptLanguage = t.Item7.Item2,
            });
    }

    private static string Fill(string route, IReadOnlyDictionary<string, string> values)
    {
        foreach (var (name, value) in values)
        {
            route = route.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return route;
    }

    /// <summary>Values for each placeholder, escaped for a path: real ones, plausible ones and junk.</summary>
    private Gen<IReadOnlyDictionary<string, string>> Segments()
    {
        // No NUL in a path: Kestrel refuses it with 400 before the application runs, and TestServer throws instead.
        var junk = Gen.Char.Array[1, 30].Select(chars => HostileInput.Escape(new string(chars).Replace('\0', '0')));
        Gen<string> Of(params string[] known) => Gen.Frequency((6, Gen.OneOf(known)), (1, junk));
        var ids = _applications.Select(id => id.ToString()).Concat(["00000000-0000-0000-0000-000000000000", "not-a-guid", "%20"]).ToArray();
        return Gen.Select(
                Gen.Frequency((6, Gen.OneOf(ids)), (1, Gen.Guid.Select(g => g.ToString())), (1, junk)),
                Of("015146", "058091", "999999", "15146", "0151460"),
                Of("scia", "cila", "cil", "permesso-di-costruire", "agibilita", "scia-alternativa", "nope"),
                Of("scia", "cila", "cil", "pdc", "agibilita", "inizio-lavori", "scia-alternativa", "nope"),
                Of("backlog", "durations", "compliance", "nope"),
                Of("presentazione", "richiesta-integrazioni", "integrazioni-ricevute", "rilascio", "diniego", "inizio-lavori", "nope"),
                Of("v2", "applications", "openapi", "..", "%2e%2e"))
            .Select(t => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["id"] = t.Item1,
                ["municipality"] = t.Item2,
                ["procedure"] = t.Item3,
                ["form"] = t.Item4,
                ["chart"] = t.Item5,
                ["trigger"] = t.Item6,
                ["unknown"] = t.Item7,
            });
    }

    /// <summary>A role of the fixture, a made-up key, or none.</summary>
    private static Gen<string?> Key() =>
        Gen.Frequency(
            (8, Gen.OneOf(Roles).Select(r => (string?)r)),
            (2, Gen.Const((string?)null)),
            (1, Gen.OneOf<string?>("sc_live_0000", "", " ", "Admin", new string('k', 5000))));
}
