using System.Text.Json;
using System.Text.Json.Nodes;
using StrategicCities.Core.Catalog;

namespace StrategicCities.Core.Tests.Support;

/// <summary>
/// A throw-away rules/ folder for loader tests: a small registry and rule files written from
/// templates, checked with the repository's real meta-schemas.
/// </summary>
internal sealed class RuleTree : IDisposable
{
    private const string Registry = """
        istat,name,province,region,regionName,cadastral,metropolitanCity
        015146,Milano,MI,03,Lombardia,F205,true
        015077,Cologno Monzese,MI,03,Lombardia,C895,false
        058091,Roma,RM,12,Lazio,H501,true
        063049,Napoli,NA,15,Campania,F839,true
        """;

    public RuleTree()
    {
        Directory = Path.Combine(Path.GetTempPath(), "sc-rules-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "registry"));
        File.WriteAllText(Path.Combine(Directory, "registry", "municipalities.csv"), Registry + "\n");
    }

    public string Directory { get; }

    public CatalogSources Sources => new(Directory, Repository.SchemasDirectory);

    public Task<CatalogLoadResult> LoadAsync() => CatalogLoader.LoadAsync(Sources);

    public async Task<RuleCatalog> LoadCleanAsync()
    {
        var result = await LoadAsync();
        Assert.That(result.Problems, Is.Empty, "the tree should load cleanly");
        return result.Catalog!;
    }

    /// <summary>Writes a file under the tree; <paramref name="relativePath"/> uses forward slashes.</summary>
    public RuleTree Write(string relativePath, string text)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public RuleTree Write(string relativePath, JsonNode node) =>
        Write(relativePath, node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

    /// <summary>A rule with legal basis and messages; <paramref name="effect"/> like <c>("regime", "scia")</c>.</summary>
    public static JsonObject Rule(string name, string expression, (string Kind, string Value)? effect = null,
        bool localVariation = false, string? extends = null, string instrument = "dpr380")
    {
        var properties = new JsonObject
        {
            ["legalBasis"] = new JsonArray(new JsonObject { ["instrument"] = instrument, ["article"] = "6-bis" }),
            ["messages"] = new JsonObject { ["it"] = $"Regola {name}.", ["en"] = $"Rule {name}." },
            ["severity"] = "info",
        };
        if (effect is { } e)
        {
            properties["effect"] = new JsonObject { [e.Kind] = e.Value };
        }

        if (localVariation)
        {
            properties["localVariation"] = "allowed";
        }

        if (extends is not null)
        {
            properties["extends"] = extends;
        }

        return new JsonObject { ["RuleName"] = name, ["Expression"] = expression, ["Properties"] = properties };
    }

    /// <summary>A national determination version with the given regime and attachment rules.</summary>
    public static JsonObject National(string from, string? to, IEnumerable<JsonObject> regimeRules, IEnumerable<JsonObject>? attachmentRules = null) => new()
    {
        ["id"] = "determination",
        ["jurisdiction"] = "IT",
        ["layer"] = "national",
        ["version"] = from,
        ["validFrom"] = from,
        ["validTo"] = to,
        ["instruments"] = Instruments(),
        ["extensionPoints"] = new JsonArray(
            new JsonObject
            {
                ["id"] = "local-attachments",
                ["workflow"] = "attachments",
                ["allowedFor"] = new JsonArray("region", "municipality"),
                ["legalBasis"] = new JsonArray(new JsonObject { ["instrument"] = "dpr380", ["article"] = "6-bis" }),
            },
            new JsonObject
            {
                ["id"] = "regional-regime",
                ["workflow"] = "regime",
                ["allowedFor"] = new JsonArray("region"),
                ["legalBasis"] = new JsonArray(new JsonObject { ["instrument"] = "dpr380", ["article"] = "10", ["paragraph"] = "3" }),
            }),
        ["workflows"] = new JsonArray(
            new JsonObject { ["WorkflowName"] = "regime", ["Rules"] = new JsonArray([.. regimeRules]) },
            new JsonObject { ["WorkflowName"] = "acts", ["Rules"] = new JsonArray() },
            new JsonObject { ["WorkflowName"] = "attachments", ["Rules"] = new JsonArray([.. attachmentRules ?? []]) }),
    };

    /// <summary>An overlay of the determination rule set.</summary>
    public static JsonObject Overlay(string layer, string jurisdiction, string from, string? to,
        IEnumerable<JsonObject>? add = null, IEnumerable<JsonObject>? @override = null, IEnumerable<string>? disable = null)
    {
        var overlay = new JsonObject
        {
            ["id"] = "determination",
            ["overlays"] = "determination",
            ["layer"] = layer,
            ["jurisdiction"] = jurisdiction,
            ["version"] = from,
            ["validFrom"] = from,
            ["validTo"] = to,
            ["instruments"] = Instruments(),
        };
        if (add is not null)
        {
            overlay["add"] = new JsonArray([.. add]);
        }

        if (@override is not null)
        {
            overlay["override"] = new JsonArray([.. @override]);
        }

        if (disable is not null)
        {
            overlay["disable"] = new JsonArray([.. disable.Select(name => new JsonObject
            {
                ["rule"] = name,
                ["reason"] = new JsonObject { ["it"] = "Motivo.", ["en"] = "Reason." },
                ["legalBasis"] = new JsonArray(new JsonObject { ["instrument"] = "dpr380", ["article"] = "6-bis" }),
            })]);
        }

        return overlay;
    }

    /// <summary>The two rules every test package needs: new construction → permit, anything else → CILA.</summary>
    public static JsonObject[] BasicRegimeRules(bool residualOpen = false) =>
    [
        Rule("NewConstructionRequiresPermit", "intervention.Category == \"nuova-costruzione\"", ("regime", "permesso-di-costruire")),
        Rule("ResidualInterventionsRequireCila", "true", ("regime", "cila"), localVariation: residualOpen),
    ];

    private static JsonArray Instruments() => new(new JsonObject { ["id"] = "dpr380", ["title"] = "D.P.R. 6 giugno 2001, n. 380" });

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
