using System.Text.Json;

namespace StrategicCities.Core.Fees;

/// <summary>Reads a fee input strictly: every mistake comes back with its JSON pointer and both languages.</summary>
internal static class FeeInputReader
{
    private static readonly HashSet<string> Members =
    [
        "regime", "intervention", "category", "use", "previousUse", "zone", "volume", "surface", "previousVolume", "previousSurface",
        "worksCost", "enlargementPercent", "residential", "facts",
    ];

    private static readonly HashSet<string> ResidentialMembers = ["usefulSurface", "accessorySurface", "unitSurfaces", "specialFeatures"];

    public static (FeeInput? Input, List<InputError> Errors) Read(string json)
    {
        var errors = new List<InputError>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            return (null, [new InputError(InputError.Codes.NotJson, "", new Legal.LocalizedText(
                $"Il corpo non è JSON valido (riga {ex.LineNumber + 1}).", $"The body is not valid JSON (line {ex.LineNumber + 1})."))]);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, [FeeProblems.Invalid("", "Il corpo deve essere un oggetto JSON.", "The body must be a JSON object.")]);
            }

            foreach (var property in root.EnumerateObject().Where(p => !Members.Contains(p.Name)))
            {
                errors.Add(FeeProblems.Invalid("/" + property.Name, $"Campo sconosciuto «{property.Name}».", $"Unknown member '{property.Name}'."));
            }

            var input = new FeeInput
            {
                Regime = Word(root, "regime", FeeVocabulary.Regimes, errors),
                InterventionJson = root.TryGetProperty("intervention", out var intervention) ? Intervention(intervention, errors) : null,
                Category = Word(root, "category", FeeVocabulary.Categories, errors),
                Use = Word(root, "use", FeeVocabulary.Uses, errors),
                PreviousUse = Word(root, "previousUse", FeeVocabulary.Uses, errors),
                Zone = Text(root, "zone", "", errors),
                Volume = Quantity(root, "volume", "", errors),
                Surface = Quantity(root, "surface", "", errors),
                PreviousVolume = Quantity(root, "previousVolume", "", errors),
                PreviousSurface = Quantity(root, "previousSurface", "", errors),
                WorksCost = Quantity(root, "worksCost", "", errors),
                EnlargementPercent = Quantity(root, "enlargementPercent", "", errors),
                Facts = Facts(root, errors),
            };
            if (root.TryGetProperty("residential", out var residential))
            {
                input = ReadResidential(input, residential, errors);
            }

            return errors.Count > 0 ? (null, errors) : (input, errors);
        }
    }

    private static string? Intervention(JsonElement element, List<InputError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(FeeProblems.Invalid("/intervention", "«intervention» è un oggetto (DESIGN §4).", "'intervention' is an object (DESIGN §4)."));
            return null;
        }

        return element.GetRawText();
    }

    private static FeeInput ReadResidential(FeeInput input, JsonElement element, List<InputError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(FeeProblems.Invalid("/residential", "«residential» è un oggetto.", "'residential' is an object."));
            return input;
        }

        foreach (var property in element.EnumerateObject().Where(p => !ResidentialMembers.Contains(p.Name)))
        {
            errors.Add(FeeProblems.Invalid("/residential/" + property.Name, $"Campo sconosciuto «{property.Name}».", $"Unknown member '{property.Name}'."));
        }

        List<decimal>? units = null;
        if (element.TryGetProperty("unitSurfaces", out var list))
        {
            if (list.ValueKind != JsonValueKind.Array)
            {
                errors.Add(FeeProblems.Invalid("/residential/unitSurfaces", "«unitSurfaces» è un elenco di superfici utili per alloggio (m²).", "'unitSurfaces' is a list of useful surfaces per dwelling (m²)."));
            }
            else
            {
                units = [];
                var i = 0;
                foreach (var item in list.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Number && item.TryGetDecimal(out var value) && value > 0)
                    {
                        units.Add(value);
                    }
                    else
                    {
                        errors.Add(FeeProblems.Invalid($"/residential/unitSurfaces/{i}", "Superficie non valida: un numero maggiore di zero (m²).", "Invalid surface: a number above zero (m²)."));
                    }

                    i++;
                }
            }
        }

        int? features = null;
        if (element.TryGetProperty("specialFeatures", out var f))
        {
            if (f.ValueKind == JsonValueKind.Number && f.TryGetInt32(out var n) && n is >= 0 and <= 5)
            {
                features = n;
            }
            else
            {
                errors.Add(FeeProblems.Invalid("/residential/specialFeatures", "Numero di caratteristiche particolari da 0 a 5 (D.M. 801/1977 art. 7).", "Number of special features from 0 to 5 (D.M. 801/1977 art. 7)."));
            }
        }

        return input with
        {
            HasResidential = true,
            UsefulSurface = Quantity(element, "usefulSurface", "/residential", errors),
            AccessorySurface = Quantity(element, "accessorySurface", "/residential", errors),
            UnitSurfaces = units,
            SpecialFeatures = features,
        };
    }

    private static string? Text(JsonElement parent, string name, string prefix, List<InputError> errors)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 and <= 64 } text)
        {
            return text;
        }

        errors.Add(FeeProblems.Invalid($"{prefix}/{name}", $"«{name}» è un testo di 1-64 caratteri.", $"'{name}' is a text of 1-64 characters."));
        return null;
    }

    private static string? Word(JsonElement parent, string name, IReadOnlyList<string> allowed, List<InputError> errors)
    {
        var text = Text(parent, name, "", errors);
        if (text is null || allowed.Contains(text))
        {
            return text;
        }

        var list = string.Join(", ", allowed);
        errors.Add(FeeProblems.Invalid("/" + name, $"«{text}» non è ammesso: uno di {list}.", $"'{text}' is not allowed: one of {list}."));
        return null;
    }

    private static decimal? Quantity(JsonElement parent, string name, string prefix, List<InputError> errors)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        // Decimal straight from the JSON text: no binary floating point touches a figure.
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) && number >= 0 && number <= 1_000_000_000m)
        {
            return number;
        }

        errors.Add(FeeProblems.Invalid($"{prefix}/{name}", $"«{name}» è un numero tra 0 e 1.000.000.000.", $"'{name}' is a number from 0 to 1,000,000,000."));
        return null;
    }

    private static HashSet<string> Facts(JsonElement root, List<InputError> errors)
    {
        var facts = new HashSet<string>(StringComparer.Ordinal);
        if (!root.TryGetProperty("facts", out var element))
        {
            return facts;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(FeeProblems.Invalid("/facts", "«facts» è un oggetto di valori vero/falso.", "'facts' is an object of true/false values."));
            return facts;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!FeeVocabulary.Facts.Contains(property.Name))
            {
                var list = string.Join(", ", FeeVocabulary.Facts);
                errors.Add(FeeProblems.Invalid("/facts/" + property.Name, $"Fatto sconosciuto «{property.Name}»: uno di {list}.", $"Unknown fact '{property.Name}': one of {list}."));
            }
            else if (property.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                errors.Add(FeeProblems.Invalid("/facts/" + property.Name, "Un fatto vale true o false.", "A fact is true or false."));
            }
            else if (property.Value.GetBoolean())
            {
                facts.Add(property.Name);
            }
        }

        return facts;
    }
}
