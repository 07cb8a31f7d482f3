using System.Globalization;
using System.Text.Json;
using StrategicCities.Core.Catalog;
using StrategicCities.Core.Procedures;
using StrategicCities.Core.Procedures.Clock;

namespace StrategicCities.Core.Monitoring.Seeding;

/// <summary>
/// Realistic, deterministic demo data for monitoring: applications in the 14 metropolitan capitals and some
/// neighbouring municipalities (served by joint offices), regimes in realistic proportions, filings over the two years
/// before <c>today</c>, and event histories walked over the transitions of the procedure definition in force on the
/// filing date. Each scripted step must be a transition of the definition from the current state, by a role the
/// trigger allows, never before the previous event (else <see cref="InvalidOperationException"/>), and the scripts keep
/// to the guards (integrations requested once within 30 days, silenzio-assenso only without constraints, SCIA orders
/// only within the control term); terms that lapse (silenzio-assenso, SCIA consolidation) fire the day after the due
/// date the legal clock computes. The tests replay seeded histories through <see cref="ProcedureMachine"/>.
/// Same seed, same catalog, same <c>today</c>: same output.
/// </summary>
public sealed class SeedGenerator
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly (string Regime, int Weight)[] Regimes =
        [("cila", 45), ("scia", 30), ("permesso-di-costruire", 15), ("scia-alternativa", 5), ("cil", 5)];

    private readonly ProcedureCatalog _procedures;
    private readonly ItalianCalendar _calendar;
    private readonly DateOnly _today;
    private readonly Random _random;
    private readonly List<(Municipality Municipality, Guid Office, int Weight)> _places = [];
    private readonly Dictionary<(string, string, string), ProcedureDefinition> _definitions = [];
    private readonly int _totalWeight;

    /// <summary>Prepares the offices and municipalities.</summary>
    public SeedGenerator(ProcedureCatalog procedures, ItalianCalendar calendar, DateOnly today, int seed)
    {
        ArgumentNullException.ThrowIfNull(procedures);
        ArgumentNullException.ThrowIfNull(calendar);
        _procedures = procedures;
        _calendar = calendar;
        _today = today;
        _random = new Random(seed);
        var registry = procedures.Rules.Municipalities;
        var capitals = registry.All.Where(m => m.MetropolitanCity).ToList();
        var offices = new List<SeedOffice>();
        foreach (var capital in capitals)
        {
            var office = new SeedOffice(NextGuid(), $"SUE Comune di {capital.Name}", [capital.Code]);
            offices.Add(office);
            _places.Add((capital, office.Id, Math.Max(1, (capital.Population ?? 100_000) / 10_000)));
        }

        // Joint offices: the three smallest-coded neighbours in the province of the first capitals (an unione di comuni).
        foreach (var capital in capitals.Take(4))
        {
            var neighbours = registry.All.Where(m => m.Province == capital.Province && !m.MetropolitanCity).Take(3).ToList();
            if (neighbours.Count == 0)
            {
                continue;
            }

            var office = new SeedOffice(NextGuid(), $"Ufficio associato edilizia area {capital.Province}", [.. neighbours.Select(n => n.Code)]);
            offices.Add(office);
            foreach (var n in neighbours)
            {
                _places.Add((n, office.Id, 2));
            }
        }

        Offices = offices;
        _totalWeight = _places.Sum(p => p.Weight);
    }

    /// <summary>The offices (one per capital, plus joint offices of neighbouring municipalities).</summary>
    public IReadOnlyList<SeedOffice> Offices { get; }

    /// <summary>Generates <paramref name="count"/> applications, lazily.</summary>
    public IEnumerable<SeededApplication> Generate(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Next();
        }
    }

    private SeededApplication Next()
    {
        var id = NextGuid();
        var (municipality, office) = PickPlace();
        var regime = PickRegime();
        var filedOn = _today.AddDays(-_random.Next(1, 731));
        if (filedOn.DayOfWeek == DayOfWeek.Sunday)
        {
            filedOn = filedOn.AddDays(1);
        }

        var definition = Definition(regime, municipality, filedOn);
        var constraints = _random.NextDouble() < 0.25;
        var walk = new Walk(definition, _today);
        walk.Fire("presentazione", "portal", filedOn);
        switch (regime)
        {
            case "permesso-di-costruire":
                WalkPermesso(walk, municipality.Code, constraints);
                break;
            case "scia":
                WalkScia(walk, municipality.Code);
                break;
            case "scia-alternativa":
                WalkSciaAlternativa(walk);
                break;
            case "cila":
                if (_random.NextDouble() < 0.5)
                {
                    walk.Fire("fine-lavori", "portal", walk.Last.AddDays(_random.Next(30, 240)));
                }

                break;
            default:
                break;
        }

        return new SeededApplication
        {
            Id = id,
            Municipality = municipality.Code,
            OfficeId = office,
            Regime = regime,
            State = walk.State,
            Data = FormData(municipality, regime, constraints),
            FiledOn = filedOn,
            Procedure = (definition.Id, definition.Header.Version, definition.Header.ContentHash),
            Events = walk.Events,
            Clock = ApplicationClock.Assess(definition, walk.Events, _calendar, municipality.Code),
        };
    }

    private void WalkPermesso(Walk walk, string municipality, bool constraints)
    {
        var filed = walk.Last;
        if (!walk.Fire("nomina-responsabile", "clerk", filed.AddDays(_random.Next(1, 14))))
        {
            return;
        }

        var slowOffice = _random.NextDouble() < (constraints ? 0.0 : 0.12);
        if (slowOffice)
        {
            // No proposal: the silenzio-assenso forms the day after the term the clock computes.
            FireOnExpiry(walk, "pdc-silenzio-assenso", "silenzio-assenso", municipality);
            return;
        }

        if (_random.NextDouble() < 0.3)
        {
            var requested = filed.AddDays(_random.Next(Math.Max(2, walk.Last.DayNumber - filed.DayNumber + 1), 29));
            if (!walk.Fire("richiesta-integrazioni", "clerk", requested)
                || _random.NextDouble() < 0.1
                || !walk.Fire("integrazioni-ricevute", "portal", requested.AddDays(_random.Next(10, 90))))
            {
                return;
            }
        }

        // Late proposals make late decisions: an express decision after the term is what "not within term" counts.
        var late = _random.NextDouble() < 0.2;
        if (!walk.Fire("proposta", "clerk", walk.Last.AddDays(late ? _random.Next(60, 140) : _random.Next(15, 55))))
        {
            return;
        }

        if (_random.NextDouble() < 0.08)
        {
            if (!walk.Fire("preavviso-di-rigetto", "clerk", walk.Last.AddDays(_random.Next(5, 20))))
            {
                return;
            }

            if (_random.NextDouble() < 0.6 && !walk.Fire("osservazioni", "portal", walk.Last.AddDays(_random.Next(3, 10))))
            {
                return;
            }

            walk.Fire(_random.NextDouble() < 0.7 ? "diniego" : "rilascio", "supervisor", walk.Last.AddDays(_random.Next(5, 25)));
            return;
        }

        if (walk.Fire("rilascio", "supervisor", walk.Last.AddDays(late ? _random.Next(10, 60) : _random.Next(3, 25)))
            && _random.NextDouble() < 0.6)
        {
            walk.Fire("inizio-lavori", "portal", walk.Last.AddDays(_random.Next(20, 200)));
        }
    }

    private void WalkScia(Walk walk, string municipality)
    {
        var filed = walk.Last;
        var roll = _random.NextDouble();
        if (roll < 0.1)
        {
            var requested = filed.AddDays(_random.Next(5, 26));
            if (!walk.Fire("richiesta-conformazione", "clerk", requested)
                || !walk.Fire("misure-adottate", "portal", requested.AddDays(_random.Next(5, 40))))
            {
                return;
            }
        }
        else if (roll < 0.13)
        {
            walk.Fire("divieto-prosecuzione", "clerk", filed.AddDays(_random.Next(3, 25)));
            return;
        }

        if (FireOnExpiry(walk, "scia-controllo", "consolidamento", municipality) && _random.NextDouble() < 0.4)
        {
            walk.Fire("fine-lavori", "portal", walk.Last.AddDays(_random.Next(60, 300)));
        }
    }

    private void WalkSciaAlternativa(Walk walk)
    {
        var filed = walk.Last;
        if (_random.NextDouble() < 0.06)
        {
            walk.Fire("ordine-di-non-effettuare", "clerk", filed.AddDays(_random.Next(5, 25)));
            return;
        }

        walk.Fire("inizio-lavori", "portal", filed.AddDays(_random.Next(31, 120)));
    }

    private bool FireOnExpiry(Walk walk, string termId, string trigger, string municipality)
    {
        var status = ProcedureDeadlines.Compute(walk.Definition, walk.Events, _calendar, municipality, walk.Last)
            .FirstOrDefault(s => s.TermId == termId);
        return status?.DueDate is { } due && walk.Fire(trigger, "system", due.AddDays(1));
    }

    private ProcedureDefinition Definition(string regime, Municipality municipality, DateOnly date)
    {
        var national = _procedures.NationalAt(regime, date)
            ?? throw new InvalidOperationException($"No version of '{regime}' is in force on {date:yyyy-MM-dd}.");
        var key = (regime, municipality.Code, national.Header.Version);
        if (!_definitions.TryGetValue(key, out var definition))
        {
            definition = _procedures.Compose(regime, municipality, date).Definition!;
            _definitions[key] = definition;
        }

        return definition;
    }

    private (Municipality Municipality, Guid Office) PickPlace()
    {
        var roll = _random.Next(_totalWeight);
        foreach (var (municipality, office, weight) in _places)
        {
            if (roll < weight)
            {
                return (municipality, office);
            }

            roll -= weight;
        }

        return (_places[^1].Municipality, _places[^1].Office);
    }

    private string PickRegime()
    {
        var roll = _random.Next(100);
        foreach (var (regime, weight) in Regimes)
        {
            if (roll < weight)
            {
                return regime;
            }

            roll -= weight;
        }

        return "cila";
    }

    private string FormData(Municipality municipality, string regime, bool constraints)
    {
        (string Surname, string Name, string Cf) Person()
        {
            var surname = FakePeople.Surnames[_random.Next(FakePeople.Surnames.Length)];
            var (name, female) = FakePeople.Names[_random.Next(FakePeople.Names.Length)];
            var birth = new DateOnly(1950, 1, 1).AddDays(_random.Next(0, 365 * 50));
            return (surname, name, FakePeople.CodiceFiscale(surname, name, birth, female, municipality.CadastralCode));
        }

        var owner = Person();
        var technician = Person();
        var street = FakePeople.Streets[_random.Next(FakePeople.Streets.Length)];
        var number = _random.Next(1, 200).ToString(CultureInfo.InvariantCulture);
        var category = regime switch
        {
            "permesso-di-costruire" => _random.NextDouble() < 0.5 ? "nuova-costruzione" : "ristrutturazione-edilizia",
            "scia-alternativa" => "ristrutturazione-edilizia",
            "scia" => _random.NextDouble() < 0.5 ? "restauro-risanamento" : "manutenzione-straordinaria",
            "cil" => "opere-temporanee",
            _ => "manutenzione-straordinaria",
        };
        var cadastral = $"{municipality.CadastralCode}:{_random.Next(1, 400)}/{_random.Next(1, 2000)}/{_random.Next(1, 40)}";
        var data = new
        {
            dichiarante = new
            {
                tipo = "persona-fisica",
                persona = new
                {
                    cognome = owner.Surname,
                    nome = owner.Name,
                    codiceFiscale = owner.Cf,
                    residenza = new { via = street, civico = number, comune = municipality.Name, codiceIstat = municipality.Code },
                    pec = $"{owner.Name}.{owner.Surname}.{_random.Next(1000, 9999)}@pec.example.it".Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant(),
                },
                titolarita = "proprietario",
            },
            tecnico = new { cognome = technician.Surname, nome = technician.Name, codiceFiscale = technician.Cf },
            ubicazione = new
            {
                indirizzo = new { via = street, civico = number, comune = municipality.Name, codiceIstat = municipality.Code },
                catasto = new { fabbricati = new[] { new { riferimento = cadastral } } },
            },
            intervento = new
            {
                categoria = category,
                descrizione = $"Lavori presso l'immobile di {owner.Name} {owner.Surname} in {street} {number}, {municipality.Name}.",
            },
            vincoli = new { paesaggistico = constraints, beniCulturali = false },
        };
        return JsonSerializer.Serialize(data, Json);
    }

    private Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 layout, deterministic
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary>A walk over the definition's transitions that stops (returns false) at a date after today.</summary>
    private sealed class Walk(ProcedureDefinition definition, DateOnly today)
    {
        private readonly List<ProcedureEvent> _events = [];

        public ProcedureDefinition Definition { get; } = definition;

        public string State { get; private set; } = definition.Initial;

        public IReadOnlyList<ProcedureEvent> Events => _events;

        public DateOnly Last => _events.Count == 0 ? DateOnly.MinValue : _events[^1].Date;

        public bool Fire(string trigger, string role, DateOnly date)
        {
            if (date > today)
            {
                return false;
            }

            var transition = Definition.TransitionsFrom(State).FirstOrDefault(t => t.Trigger == trigger)
                ?? throw new InvalidOperationException($"Seed script: no transition '{trigger}' from '{State}' in {Definition.Header.File}.");
            if (Definition.FindTrigger(trigger)?.Roles.Contains(role, StringComparer.Ordinal) != true || date < Last)
            {
                throw new InvalidOperationException($"Seed script: '{trigger}' by {role} on {date:yyyy-MM-dd} is not allowed in {Definition.Header.File}.");
            }

            _events.Add(new ProcedureEvent(trigger, State, transition.To, role, date, transition.LegalBasis));
            State = transition.To;
            return true;
        }
    }
}
