using System.Text.Json.Serialization;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Procedures;
using StrategicCities.Core.Procedures.Clock;

namespace StrategicCities.Core.Law;

/// <summary>
/// What re-pinning a filed application would do: the pins before and after (the newest revision of each pinned
/// version, never another version: the law in force at filing still governs), and each term whose due date moves.
/// </summary>
public sealed record RepinPlan
{
    /// <summary>The pins now.</summary>
    [JsonPropertyName("from")]
    public required IReadOnlyList<PinnedVersion> From { get; init; }

    /// <summary>The pins after the re-pin.</summary>
    [JsonPropertyName("to")]
    public required IReadOnlyList<PinnedVersion> To { get; init; }

    /// <summary>Terms whose due date or state differ between the two (all terms when the old files are missing).</summary>
    [JsonPropertyName("deadlines")]
    public required IReadOnlyList<DeadlineChange> Deadlines { get; init; }

    /// <summary>Whether any pin changes (false: the application already runs the newest revisions).</summary>
    [JsonPropertyName("changes")]
    public bool Changes => !From.Select(p => p.Hash).Order(StringComparer.Ordinal).SequenceEqual(To.Select(p => p.Hash).Order(StringComparer.Ordinal));

    /// <summary>Plans the re-pin of one filed application.</summary>
    /// <returns>The plan and the procedure after the re-pin, or the error that prevents it (the newest revisions do not resolve).</returns>
    public static async Task<(RepinPlan? Plan, EffectiveProcedure? Procedure, InputError? Error)> ForAsync(
        ProcedureCatalog procedures, string regime, string municipality, DateOnly filedOn, IReadOnlyList<PinnedVersion> pinned,
        IReadOnlyList<ProcedureEvent> events, ItalianCalendar calendar, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(procedures);
        ArgumentNullException.ThrowIfNull(pinned);
        ArgumentNullException.ThrowIfNull(events);
        PinnedVersion[] to = [.. pinned.Select(p => procedures.NewestRevisionOf(p) ?? p)];
        var (after, error) = await procedures.ResolvePinnedAsync(regime, municipality, filedOn, to, cancellationToken);
        if (after is null)
        {
            return (null, null, error);
        }

        // The old files may be the very reason for the re-pin (missing from the deployment): then every term is new.
        var (before, _) = await procedures.ResolvePinnedAsync(regime, municipality, filedOn, pinned, cancellationToken);
        var old = before is null ? [] : ProcedureDeadlines.Compute(before.Definition, events, calendar, municipality, today);
        var now = ProcedureDeadlines.Compute(after.Definition, events, calendar, municipality, today);
        var changes = new List<DeadlineChange>();
        foreach (var term in now)
        {
            var was = old.FirstOrDefault(t => t.TermId == term.TermId);
            if (was is null || was.DueDate != term.DueDate || was.State != term.State)
            {
                changes.Add(new DeadlineChange(term.TermId, was?.DueDate, term.DueDate, was?.State, term.State));
            }
        }

        changes.AddRange(old.Where(t => now.All(n => n.TermId != t.TermId)).Select(t => new DeadlineChange(t.TermId, t.DueDate, null, t.State, null)));
        return (new RepinPlan { From = pinned, To = to, Deadlines = changes }, after, null);
    }
}

/// <summary>A term whose due date or state a re-pin changes (null: the term does not exist on that side).</summary>
public sealed record DeadlineChange(
    [property: JsonPropertyName("term")] string Term,
    [property: JsonPropertyName("dueBefore")] DateOnly? DueBefore,
    [property: JsonPropertyName("dueAfter")] DateOnly? DueAfter,
    [property: JsonPropertyName("stateBefore")] TermState? StateBefore,
    [property: JsonPropertyName("stateAfter")] TermState? StateAfter);
