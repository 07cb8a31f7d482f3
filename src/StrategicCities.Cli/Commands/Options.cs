using System.CommandLine;
using System.Globalization;

namespace StrategicCities.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
internal static class Options
{
    public static Option<string?> Rules() => new("--rules")
    {
        Description = "The rules folder (default: rules/ of the repository found from the current folder, or $STRATEGICCITIES_ROOT).",
    };

    public static Option<string> Municipality(bool required = true) => new("--municipality", "-m")
    {
        Description = "ISTAT code of the municipality, 6 digits (e.g. 015146 Milano, 058091 Roma).",
        Required = required,
    };

    public static Option<DateOnly> Date(bool required = true) => new("--date", "-d")
    {
        Description = "Legal reference date, yyyy-MM-dd (the filing date: tempus regit actum).",
        Required = required,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            result.AddError($"'{text}' is not a date in the form yyyy-MM-dd (e.g. 2025-03-01).");
            return default;
        },
    };

    public static Option<string?> Input() => new("--input", "-i")
    {
        Description = "File with the intervention JSON, or - for standard input (the default when piped).",
    };
}
