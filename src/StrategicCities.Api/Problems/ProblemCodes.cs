namespace StrategicCities.Api.Problems;

/// <summary>Stable codes the API adds to Core's <see cref="Core.InputError.Codes"/>.</summary>
public static class ProblemCodes
{
    /// <summary>The body is empty where a JSON document is required (400).</summary>
    public const string BodyEmpty = Core.Problems.ProblemCatalog.BodyEmpty;

    /// <summary>The body is not JSON (400); same code as Core's.</summary>
    public const string BodyNotJson = Core.InputError.Codes.NotJson;

    /// <summary>The JSON nests deeper than <c>Limits:MaxJsonDepth</c> (400).</summary>
    public const string BodyTooDeep = Core.Problems.ProblemCatalog.BodyTooDeep;

    /// <summary>The body is larger than <c>Limits:MaxBodyBytes</c> (413).</summary>
    public const string BodyTooLarge = Core.Problems.ProblemCatalog.BodyTooLarge;

    /// <summary>The body is JSON but not an object where a form is expected (400); same code as Core's.</summary>
    public const string BodyNotObject = Core.Forms.FormValidator.Codes.NotObject;

    /// <summary>No form has the code named in the path (404); same code as Core's.</summary>
    public const string FormUnknown = Core.Forms.FormValidator.Codes.UnknownForm;

    /// <summary>The Content-Type is not JSON in UTF-8 (415).</summary>
    public const string UnsupportedMediaType = Core.Problems.ProblemCatalog.UnsupportedMediaType;

    /// <summary>The graph format is neither mermaid nor dot (400).</summary>
    public const string GraphFormatUnknown = Core.Problems.ProblemCatalog.QueryFormatUnknown;

    /// <summary>A required query parameter is missing (400).</summary>
    public const string QueryMissing = Core.Problems.ProblemCatalog.QueryMissing;

    /// <summary>A query parameter is given more than once; every query parameter of the API takes one value (400).</summary>
    public const string QueryRepeated = Core.Problems.ProblemCatalog.QueryRepeated;

    /// <summary>No route matches the path (404).</summary>
    public const string RouteNotFound = Core.Problems.ProblemCatalog.RouteNotFound;

    /// <summary>The route exists but not for that method (405).</summary>
    public const string MethodNotAllowed = Core.Problems.ProblemCatalog.MethodNotAllowed;

    /// <summary>The server refused the request at the protocol level (400 or what Kestrel said).</summary>
    public const string RequestInvalid = Core.Problems.ProblemCatalog.RequestInvalid;

    /// <summary>A rule failed while being evaluated: a fault of the rule set (500).</summary>
    public const string RulesFault = Core.Problems.ProblemCatalog.RulesFault;

    /// <summary>Any other fault (500).</summary>
    public const string Internal = Core.Problems.ProblemCatalog.Internal;
}
