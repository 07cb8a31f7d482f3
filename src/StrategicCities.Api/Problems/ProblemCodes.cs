namespace StrategicCities.Api.Problems;

/// <summary>Stable codes the API adds to Core's <see cref="Core.InputError.Codes"/>.</summary>
public static class ProblemCodes
{
    /// <summary>The body is empty where a JSON document is required (400).</summary>
    public const string BodyEmpty = "body.empty";

    /// <summary>The body is not JSON (400); same code as Core's.</summary>
    public const string BodyNotJson = Core.InputError.Codes.NotJson;

    /// <summary>The JSON nests deeper than <c>Limits:MaxJsonDepth</c> (400).</summary>
    public const string BodyTooDeep = "body.too-deep";

    /// <summary>The body is larger than <c>Limits:MaxBodyBytes</c> (413).</summary>
    public const string BodyTooLarge = "body.too-large";

    /// <summary>The body is JSON but not an object where a form is expected (400); same code as Core's.</summary>
    public const string BodyNotObject = Core.Forms.FormValidator.Codes.NotObject;

    /// <summary>No form has the code named in the path (404); same code as Core's.</summary>
    public const string FormUnknown = Core.Forms.FormValidator.Codes.UnknownForm;

    /// <summary>The Content-Type is not JSON in UTF-8 (415).</summary>
    public const string UnsupportedMediaType = "body.unsupported-media-type";

    /// <summary>The graph format is neither mermaid nor dot (400).</summary>
    public const string GraphFormatUnknown = "query.format-unknown";

    /// <summary>A required query parameter is missing (400).</summary>
    public const string QueryMissing = "query.missing";

    /// <summary>A query parameter is given more than once; every query parameter of the API takes one value (400).</summary>
    public const string QueryRepeated = "query.repeated";

    /// <summary>No route matches the path (404).</summary>
    public const string RouteNotFound = "route.not-found";

    /// <summary>The route exists but not for that method (405).</summary>
    public const string MethodNotAllowed = "method.not-allowed";

    /// <summary>The server refused the request at the protocol level (400 or what Kestrel said).</summary>
    public const string RequestInvalid = "request.invalid";

    /// <summary>A rule failed while being evaluated: a fault of the rule set (500).</summary>
    public const string RulesFault = "rules.fault";

    /// <summary>Any other fault (500).</summary>
    public const string Internal = "internal";
}
