using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace StrategicCities.Api.Tests;

public sealed class FaultHandlingTests
{
    private ApiFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void StartApi()
    {
        _factory = new ApiFactory(services: s => s.AddControllers().AddApplicationPart(typeof(FaultController).Assembly));
        _client = _factory.CreateClient();
    }

    [OneTimeTearDown]
    public async Task StopApiAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Test]
    public async Task RuleEvaluationException_Returns500RulesFaultAndLogsTheRule()
    {
        using var content = new StringContent("""{"description":"RSSMRA80A01F205X"}""", Encoding.UTF8, "application/json");
        var response = await _client.PostAsync(new Uri("/test/faults/rule", UriKind.Relative), content);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.InternalServerError, "rules.fault");
        var fault = _factory.Logs.Entries.Single(e => e.EventId == 2001);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem.ToString(), Does.Not.Contain(FaultController.SecretDetail));
            Assert.That(problem.ToString(), Does.Not.Contain("   at "));
            Assert.That(fault.Level, Is.EqualTo(LogLevel.Error));
            Assert.That(fault.Text, Does.Contain("determination").And.Contain("2024-07-28").And.Contain("NewBuildingRequiresPermit"));
            Assert.That(_factory.Logs.Entries.Select(e => e.Text), Has.None.Contains("RSSMRA80A01F205X"));
        }
    }

    [Test]
    public async Task OtherException_Returns500InternalWithoutStackTrace()
    {
        var response = await _client.GetAsync(new Uri("/test/faults/other", UriKind.Relative), HttpCompletionOption.ResponseContentRead);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.InternalServerError, "internal");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem.ToString(), Does.Not.Contain(FaultController.SecretDetail));
            Assert.That(problem.ToString(), Does.Not.Contain("InvalidOperationException"));
            Assert.That(problem.GetProperty("traceId").GetString(), Is.Not.Empty);
        }
    }
}
