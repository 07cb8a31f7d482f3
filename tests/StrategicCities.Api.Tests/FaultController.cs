using Microsoft.AspNetCore.Mvc;
using StrategicCities.Core.Catalog;

namespace StrategicCities.Api.Tests;

/// <summary>Throws on demand, to exercise the exception handler (added only by <see cref="FaultHandlingTests"/>).</summary>
[ApiController]
[Route("test/faults")]
#pragma warning disable CA1822 // MVC actions are instance methods.
public sealed class FaultController : ControllerBase
{
    public const string SecretDetail = "secret-exception-detail-42";

    [HttpPost("rule")]
    public IActionResult Rule() => throw new RuleEvaluationException(
        new RuleOrigin("determination", "national", "IT", "2024-07-28", "national/determination/2024-07-28.json"),
        "regime", "NewBuildingRequiresPermit", "Object reference not set " + SecretDetail);

    [HttpGet("other")]
    public IActionResult Other() => throw new InvalidOperationException(SecretDetail);
}
#pragma warning restore CA1822
