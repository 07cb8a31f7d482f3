using System.Net;
using System.Text.Json;

namespace StrategicCities.Api.Tests;

/// <summary>Checks the problem-details shape every error must have.</summary>
internal static class ProblemAssert
{
    /// <summary>Status, content type, RFC 9457 members, the stable code and the first error's pointer.</summary>
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code, string? pointer = null)
    {
        var problem = await Http.JsonAsync(response);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(status), problem.ToString());
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo("urn:strategiccities:problem:" + code));
            Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo((int)status));
            Assert.That(problem.GetProperty("title").GetString(), Is.Not.Empty);
            Assert.That(problem.GetProperty("detail").GetString(), Is.Not.Empty);
            Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo(code));
            Assert.That(problem.GetProperty("message").GetProperty("it").GetString(), Is.Not.Empty);
            Assert.That(problem.GetProperty("message").GetProperty("en").GetString(), Is.Not.Empty);
            Assert.That(problem.GetProperty("errors").GetArrayLength(), Is.GreaterThan(0));
        }

        var first = problem.GetProperty("errors")[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.GetProperty("code").GetString(), Is.EqualTo(code));
            Assert.That(first.GetProperty("message").GetProperty("it").GetString(), Is.Not.Empty);
            Assert.That(first.GetProperty("message").GetProperty("en").GetString(), Is.Not.Empty);
            if (pointer is not null)
            {
                Assert.That(first.GetProperty("pointer").GetString(), Is.EqualTo(pointer));
            }
        }

        return problem;
    }
}
