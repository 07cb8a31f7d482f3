using System.Globalization;
using System.Text.Json;

namespace StrategicCities.Core.OpenData;

/// <summary>
/// DCAT-AP_IT metadata (JSON-LD) of the monthly open data: a catalog, the dataset and its CSV and JSON distributions,
/// the licence document (CC BY 4.0 from the national licence vocabulary) and the publisher. The classes and
/// properties are those the profile makes mandatory (dct:identifier as "IPA code:dataset", title, description,
/// modified, theme, rights holder, accrual periodicity, and per distribution format, access URL and licence).
/// Only the monthly dataset is described: it is the one published as open data.
/// </summary>
public static class DcatApItMetadata
{
    /// <summary>The dataset's own identifier (after the IPA code).</summary>
    public const string DatasetId = "permits-monthly";

    /// <summary>Paths of the files it describes, under the base URL.</summary>
    public const string CsvPath = "/api/v1/opendata/permits-monthly.csv";

    /// <summary>The JSON distribution.</summary>
    public const string JsonPath = "/api/v1/opendata/permits-monthly.json";

    /// <summary>The metadata itself.</summary>
    public const string MetadataPath = "/api/v1/opendata/catalog.jsonld";

    /// <summary>The data dictionary (the dataset's landing page).</summary>
    public const string DictionaryPath = "/api/v1/opendata/permits-dictionary.md";

    private const string Eu = "http://publications.europa.eu/resource/authority/";

    /// <summary>Writes the JSON-LD document, modified on <paramref name="modified"/>.</summary>
    public static void Write(Utf8JsonWriter json, OpenDataPublisher publisher, DateOnly modified)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(publisher);
        var root = publisher.BaseUrl.TrimEnd('/');
        var dataset = root + "/api/v1/opendata/dataset/" + DatasetId;
        var agent = root + "/api/v1/opendata/publisher";
        var contact = root + "/api/v1/opendata/contact";
        var date = modified.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        json.WriteStartObject();
        json.WriteStartObject("@context");
        json.WriteString("dcat", "http://www.w3.org/ns/dcat#");
        json.WriteString("dcatapit", "http://dati.gov.it/onto/dcatapit#");
        json.WriteString("dct", "http://purl.org/dc/terms/");
        json.WriteString("foaf", "http://xmlns.com/foaf/0.1/");
        json.WriteString("vcard", "http://www.w3.org/2006/vcard/ns#");
        json.WriteString("xsd", "http://www.w3.org/2001/XMLSchema#");
        json.WriteEndObject();
        json.WriteStartArray("@graph");

        Node(json, root + MetadataPath, "dcatapit:Catalog", "dcat:Catalog");
        Text(json, "dct:title", "Catalogo dei dati aperti sui titoli edilizi", "Open data catalog of building permits");
        Text(json, "dct:description", "Dati aperti del servizio StrategicCities sui procedimenti edilizi.", "Open data of the StrategicCities service on building procedures.");
        Ref(json, "dct:publisher", agent);
        Date(json, "dct:modified", date);
        Ref(json, "foaf:homepage", root + "/");
        Ref(json, "dct:license", OpenDataLicence.VocabularyUri);
        Ref(json, "dcat:dataset", dataset);
        json.WriteEndObject();

        Node(json, dataset, "dcatapit:Dataset", "dcat:Dataset");
        json.WriteString("dct:identifier", publisher.IpaCode + ":" + DatasetId);
        Text(json, "dct:title", "Titoli edilizi per mese, comune, regime e categoria di intervento",
            "Building permits by month, municipality, regime and category of intervention");
        Text(json, "dct:description",
            $"Pratiche edilizie presentate per mese: presentate, decise, decisioni espresse e nei termini di legge, esiti taciti, richieste di integrazione, durata mediana. Celle con meno di {MonthlyAggregation.MinimumCell} pratiche accorpate o soppresse; nessun dato personale.",
            $"Building applications filed per month: filed, decided, express decisions and those within the legal term, tacit outcomes, integration requests, median duration. Cells under {MonthlyAggregation.MinimumCell} applications merged or suppressed; no personal data.");
        Date(json, "dct:modified", date);
        json.WriteStartArray("dcat:theme");
        json.WriteStartObject();
        json.WriteString("@id", Eu + "data-theme/GOVE");
        json.WriteEndObject();
        json.WriteStartObject();
        json.WriteString("@id", Eu + "data-theme/REGI");
        json.WriteEndObject();
        json.WriteEndArray();
        Ref(json, "dct:rightsHolder", agent);
        Ref(json, "dct:publisher", agent);
        Ref(json, "dct:accrualPeriodicity", Eu + "frequency/MONTHLY");
        Ref(json, "dct:language", Eu + "language/ITA");
        Ref(json, "dcat:contactPoint", contact);
        Ref(json, "dcat:landingPage", root + DictionaryPath);
        json.WriteStartArray("dcat:keyword");
        foreach (var keyword in new[] { "edilizia", "titoli edilizi", "permesso di costruire", "SCIA", "CILA", "tempi dei procedimenti" })
        {
            json.WriteStringValue(keyword);
        }

        json.WriteEndArray();
        json.WriteStartArray("dcat:distribution");
        json.WriteStartObject();
        json.WriteString("@id", root + CsvPath);
        json.WriteEndObject();
        json.WriteStartObject();
        json.WriteString("@id", root + JsonPath);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();

        Distribution(json, root + CsvPath, "CSV", "text/csv", "permits-monthly.csv");
        Distribution(json, root + JsonPath, "JSON", "application/json", "permits-monthly.json");

        Node(json, OpenDataLicence.VocabularyUri, "dcatapit:LicenseDocument", "dct:LicenseDocument");
        Ref(json, "dct:type", "http://purl.org/adms/licencetype/Attribution");
        json.WriteString("foaf:name", OpenDataLicence.Name);
        Ref(json, "foaf:page", OpenDataLicence.Url);
        json.WriteEndObject();

        Node(json, agent, "dcatapit:Agent", "foaf:Agent");
        json.WriteString("dct:identifier", publisher.IpaCode);
        json.WriteString("foaf:name", publisher.Name);
        json.WriteEndObject();

        Node(json, contact, "dcatapit:Organization", "vcard:Organization");
        json.WriteString("vcard:fn", publisher.Name);
        Ref(json, "vcard:hasEmail", "mailto:" + publisher.ContactEmail);
        json.WriteEndObject();

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Distribution(Utf8JsonWriter json, string url, string format, string mediaType, string title)
    {
        Node(json, url, "dcatapit:Distribution", "dcat:Distribution");
        json.WriteString("dct:title", title);
        Ref(json, "dct:format", Eu + "file-type/" + format);
        json.WriteString("dcat:mediaType", mediaType);
        Ref(json, "dcat:accessURL", url);
        Ref(json, "dcat:downloadURL", url);
        Ref(json, "dct:license", OpenDataLicence.VocabularyUri);
        json.WriteEndObject();
    }

    /// <summary>Opens a node of the graph; the caller closes it.</summary>
    private static void Node(Utf8JsonWriter json, string id, params string[] types)
    {
        json.WriteStartObject();
        json.WriteString("@id", id);
        json.WriteStartArray("@type");
        foreach (var type in types)
        {
            json.WriteStringValue(type);
        }

        json.WriteEndArray();
    }

    private static void Ref(Utf8JsonWriter json, string property, string id)
    {
        json.WriteStartObject(property);
        json.WriteString("@id", id);
        json.WriteEndObject();
    }

    private static void Date(Utf8JsonWriter json, string property, string date)
    {
        json.WriteStartObject(property);
        json.WriteString("@type", "xsd:date");
        json.WriteString("@value", date);
        json.WriteEndObject();
    }

    private static void Text(Utf8JsonWriter json, string property, string italian, string english)
    {
        json.WriteStartArray(property);
        foreach (var (language, value) in new[] { ("it", italian), ("en", english) })
        {
            json.WriteStartObject();
            json.WriteString("@language", language);
            json.WriteString("@value", value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
