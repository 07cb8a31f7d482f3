using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace StrategicCities.Browser.Tests;

/// <summary>WCAG 2.1 AA (AgID guidelines) on the widget and the demo page (issue 22): axe, keyboard, errors, reflow.</summary>
public sealed partial class PermitFormTests
{
    private const string Submit = "permit-form .pf-submit";
    private const string Status = "permit-form .pf-status";
    private const string Summary = "permit-form .pf-summary";

    // What the page shows of a control: the focused element's box against the sticky status bar's.
    private const string HiddenByStatus = """
        () => {
          const el = document.activeElement, bar = document.querySelector('permit-form .pf-status');
          if (!el || !bar || bar.textContent === '' || bar.contains(el) || !el.closest('permit-form')) return '';
          const r = el.getBoundingClientRect(), s = bar.getBoundingClientRect();
          const overlap = Math.min(r.bottom, s.bottom) - Math.max(r.top, s.top);
          return overlap > 0 ? (el.id || el.className) + ' ' + Math.round(overlap) + 'px' : '';
        }
        """;

    private const string Focusables =
        "(() => { const seen = new Set(); return [...document.querySelectorAll('permit-form input, permit-form select, permit-form textarea, permit-form button, permit-form a[href]')]" +
        ".filter(c => !c.disabled && (c.type !== 'radio' || (!seen.has(c.name) && seen.add(c.name)))).map(c => c.id || c.className); })()";

    [TestCase("it")]
    [TestCase("en")]
    public async Task Axe_EmptyFormThenErrorsAfterSubmit_NoSeriousOrCriticalViolation(string lang)
    {
        var page = await OpenAsync(lang, draft: false);
        await Axe.AssertNoSeriousViolationsAsync(page, $"{lang}: the empty form");

        await page.Locator(Submit).ClickAsync();
        await Expect(page.Locator(Summary + " li").First).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, $"{lang}: the errors after submit");
    }

    [TestCase("it")]
    [TestCase("en")]
    public async Task Axe_DraftWithOneWrongField_NoSeriousOrCriticalViolation(string lang)
    {
        var page = await OpenAsync(lang);
        await TypeAsync(page, CodiceFiscale, WrongCheckCharacter);
        await Expect(Error(page, CodiceFiscale)).Not.ToBeEmptyAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, $"{lang}: a draft with a wrong codice fiscale");
    }

    [TestCase("it", "selezionare la casella per confermare", "formato non valido: scrivere 5 cifre", "scrivere 2 lettere maiuscole")]
    [TestCase("en", "tick the box to confirm", "wrong format: write 5 digits", "write 2 capital letters")]
    public async Task Submit_UntickedDeclarationAndWrongPostcode_SaysWhatToDoAndTheFormat(string lang, string tick, string postcode, string province)
    {
        var page = await OpenAsync(lang);
        await Field(page, "/dichiarazioni/privacy").UncheckAsync();
        await TypeAsync(page, "/dichiarante/persona/residenza/cap", "201");
        await TypeAsync(page, "/dichiarante/persona/residenza/provincia", "mi");
        await page.Locator(Submit).ClickAsync();

        await Expect(Error(page, "/dichiarazioni/privacy")).ToContainTextAsync(tick);
        await Expect(Error(page, "/dichiarante/persona/residenza/cap")).ToContainTextAsync(postcode);
        await Expect(Error(page, "/dichiarante/persona/residenza/provincia")).ToContainTextAsync(province);
        var messages = await page.Locator("permit-form .pf-message").AllTextContentsAsync();
        Assert.That(messages, Has.None.Contains("True").And.None.Contains("valori ammessi: true"), "no .NET or JSON literal in a message");
    }

    [Test]
    public async Task Submit_InvalidForm_FocusesASummaryThatLinksEveryErrorShown()
    {
        var page = await OpenAsync("it", draft: false);
        await page.Locator(Submit).ClickAsync();
        var summary = page.Locator(Summary);
        await Expect(summary).ToBeFocusedAsync();

        var links = summary.Locator("a");
        var count = await links.CountAsync();
        Assert.That(count, Is.GreaterThan(1));
        Assert.Multiple(async () =>
        {
            Assert.That(await page.Locator("permit-form .pf-message").CountAsync(), Is.EqualTo(count), "one link per message on screen");
            Assert.That(await summary.Locator("h3").TextContentAsync(), Does.Contain($"{count} problemi"));
            Assert.That(await page.Locator(Status).TextContentAsync(), Does.Contain($"{count} problemi"), "the announced count is the count shown");
        });

        // Every link leads somewhere; from the keyboard, Tab reaches the first and Enter moves the focus to its field.
        var targets = await links.EvaluateAllAsync<string[]>("els => els.map(a => a.getAttribute('href').slice(1))");
        foreach (var target in targets)
        {
            Assert.That(await page.Locator($"[id='{target}']").CountAsync(), Is.EqualTo(1), target);
        }

        await page.Keyboard.PressAsync("Tab");
        await Expect(links.First).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator($"[id='{targets[0]}']")).ToBeFocusedAsync();
        await Expect(page.Locator($"[id='{targets[0]}']")).ToHaveAttributeAsync("aria-invalid", "true");
    }

    [Test]
    public async Task Submit_SectionError_IsLinkedFromTheSummaryAndReachedByTab()
    {
        var page = await OpenAsync("it");
        await Field(page, "/vincoli/paesaggistico").CheckAsync();
        var error = Error(page, "/allegati");
        await Expect(error).ToContainTextAsync("vincolo paesaggistico");
        var errorId = await error.GetAttributeAsync("id");
        var fieldset = page.Locator("permit-form fieldset[data-pointer='/allegati']");
        await Expect(fieldset).ToHaveAttributeAsync("aria-describedby", new Regex(Regex.Escape(errorId!)));

        // Tab from the stop before the section (a control, or a citation link of a message) lands on its first control,
        // which the section's message describes.
        var first = fieldset.Locator("input, select, textarea, button").First;
        await first.EvaluateAsync("""
            el => { const all = [...document.querySelectorAll('permit-form input, permit-form select, permit-form textarea, permit-form button, permit-form a[href]')].filter(c => !c.disabled);
                    all[all.indexOf(el) - 1].focus(); }
            """);
        await page.Keyboard.PressAsync("Tab");
        await Expect(first).ToBeFocusedAsync();
        await Expect(first).ToHaveAccessibleDescriptionAsync(new Regex("vincolo paesaggistico"));

        await page.Locator(Submit).ClickAsync();
        var link = page.Locator(Summary + " a", new() { HasTextString = "vincolo paesaggistico" });
        await link.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(error).ToBeFocusedAsync();
    }

    [Test]
    public async Task LeavingAField_WithAnError_AnnouncesItsOwnMessage()
    {
        var page = await OpenAsync("it");
        var announcer = page.Locator("permit-form .pf-announce");
        await Expect(announcer).ToHaveAttributeAsync("aria-live", "polite");

        await TypeAsync(page, CodiceFiscale, WrongCheckCharacter);
        await Expect(announcer).ToBeEmptyAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(announcer).ToContainTextAsync("carattere di controllo");
    }

    [Test]
    public async Task Typing_OneWrongFieldInAnEmptyForm_AnnouncesTheCountOfTheErrorsShown()
    {
        var page = await OpenAsync("it", draft: false);
        await TypeAsync(page, CodiceFiscale, WrongCheckCharacter);
        await Expect(Error(page, CodiceFiscale)).Not.ToBeEmptyAsync();
        // The server's report on the whole (empty) form has dozens of problems; the user sees one.
        await Expect(page.Locator(Status)).ToHaveTextAsync(new Regex("problem"));
        var shown = await page.Locator("permit-form .pf-message").CountAsync();
        var status = await page.Locator(Status).TextContentAsync() ?? "";
        var announced = Regex.Match(status, @"\d+");
        Assert.That(announced.Success ? int.Parse(announced.Value, System.Globalization.CultureInfo.InvariantCulture) : 0, Is.EqualTo(shown), status);
    }

    [Test]
    public async Task Render_RequiredMarks_AreExplainedAndOnlyWhereAnAnswerIsRequired()
    {
        var page = await OpenAsync("it", draft: false);
        await Expect(page.Locator("permit-form .pf-note")).ToHaveTextAsync("I campi contrassegnati con * sono obbligatori.");
        Assert.That(await page.EvaluateAsync<int>("document.querySelectorAll('permit-form fieldset[aria-required]:not([role=radiogroup])').length"), Is.Zero,
            "aria-required is not allowed on a plain group");
        await Expect(page.Locator("permit-form [data-pointer='/dichiarante/tipo'] fieldset")).ToHaveAttributeAsync("aria-required", "true");

        var required = await page.EvaluateAsync<string[]>(
            "[...document.querySelectorAll('permit-form input[type=checkbox]')].filter(c => c.getAttribute('aria-required') === 'true' || c.labels[0].textContent.includes('*')).map(c => c.closest('[data-pointer]').dataset.pointer)");
        Assert.That(required, Is.EquivalentTo(new[]
        {
            "/regolaritaUrbanistica/statoLegittimo/attestato", "/asseverazione/conformita", "/dichiarazioni/sanzioniPenali", "/dichiarazioni/privacy",
        }), "only the declarations the applicant must make");
        await Expect(Field(page, "/dichiarazioni/privacy")).ToHaveAttributeAsync("aria-required", "true");
    }

    [TestCase("it", "AAAA-MM-GG")]
    [TestCase("en", "YYYY-MM-DD")]
    public async Task DateField_WithAnError_KeepsTheFormatAsAVisibleDescription(string lang, string format)
    {
        var page = await OpenAsync(lang);
        var date = Field(page, "/asseverazione/data");
        var hint = page.Locator("permit-form [data-pointer='/asseverazione/data'] .pf-hint");
        await Expect(hint).ToBeVisibleAsync();
        await Expect(hint).ToContainTextAsync(format);
        var hintId = await hint.GetAttributeAsync("id");

        await TypeAsync(page, "/asseverazione/data", "31/05/2025");
        await page.Keyboard.PressAsync("Tab");
        await Expect(date).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(date).ToHaveAttributeAsync("aria-describedby", new Regex(Regex.Escape(hintId!)));
        await Expect(hint).ToBeVisibleAsync();
    }

    [Test]
    public async Task Render_ApplicantsPersonalFields_CarryAutocompleteTokens()
    {
        var page = await OpenAsync("it", draft: false);
        var expected = new Dictionary<string, string>
        {
            ["/dichiarante/persona/nome"] = "given-name",
            ["/dichiarante/persona/cognome"] = "family-name",
            ["/dichiarante/persona/nascita/data"] = "bday",
            ["/dichiarante/persona/residenza/via"] = "address-line1",
            ["/dichiarante/persona/residenza/cap"] = "postal-code",
            ["/dichiarante/persona/residenza/comune"] = "address-level2",
            ["/dichiarante/persona/email"] = "email",
            ["/dichiarante/persona/telefono"] = "tel",
            ["/intervento/descrizione"] = "off",
        };
        foreach (var (pointer, token) in expected)
        {
            await Expect(Field(page, pointer)).ToHaveAttributeAsync("autocomplete", token);
        }
    }

    [TestCase("Shift+Tab")]
    [TestCase("Tab")]
    public async Task KeyboardWalk_ThroughTheWholeForm_NeverHidesTheFocusBehindTheStatusBar(string key)
    {
        var page = await OpenAsync("it", height: 700);
        var stops = (await page.EvaluateAsync<string[]>(Focusables)).Length;
        await (key == "Tab" ? page.Locator("permit-form input").First : page.Locator(Submit)).FocusAsync();

        var hidden = new List<string>();
        for (var i = 0; i < stops; i++)
        {
            await page.Keyboard.PressAsync(key);
            if (await page.EvaluateAsync<string>(HiddenByStatus) is { Length: > 0 } covered)
            {
                hidden.Add(covered);
            }
        }

        Assert.That(hidden, Is.Empty, "controls covered by the sticky status bar");
    }

    [Test]
    public async Task Keyboard_Alone_ReachesAndOperatesEveryControlAndSubmits()
    {
        var page = await OpenAsync("it");
        var expected = await page.EvaluateAsync<string[]>(Focusables);
        await page.Locator("permit-form input").First.FocusAsync();
        var reached = new List<string> { await ActiveAsync(page) };
        for (var i = 1; i < expected.Length; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached.Add(await ActiveAsync(page));
        }

        Assert.That(reached, Is.EqualTo(expected), "every control, once, in order");

        // A checkbox with Space: the landscape constraint adds its attachment; Space again removes it.
        await TabToAsync(page, await IdAsync(page, "/vincoli/paesaggistico"));
        await page.Keyboard.PressAsync("Space");
        await Expect(page.Locator("permit-form .pf-attachments li[data-code='autorizzazione-paesaggistica']")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Space");
        await Expect(page.Locator("permit-form .pf-attachments li[data-code='autorizzazione-paesaggistica']")).ToHaveCountAsync(0);

        // A radio group with the arrow keys.
        var tipo = await page.Locator("permit-form [data-pointer='/dichiarante/tipo'] fieldset").GetAttributeAsync("id");
        await TabToAsync(page, tipo + "-0");
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(page.Locator($"[id='{tipo}-1']")).ToBeCheckedAsync();
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(page.Locator($"[id='{tipo}-0']")).ToBeCheckedAsync();

        // Add and remove an item with Enter; the focus goes into the new item, then back to "Aggiungi".
        var others = await page.Locator("permit-form fieldset[data-pointer='/dichiarante/altriTitolari']").GetAttributeAsync("id");
        await TabToAsync(page, others + "-add");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("permit-form [data-pointer='/dichiarante/altriTitolari/0'] input").First).ToBeFocusedAsync();
        await TabToAsync(page, "pf-remove");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator($"[id='{others}-add']")).ToBeFocusedAsync();
        await Expect(page.Locator("permit-form [data-pointer='/dichiarante/altriTitolari/0']")).ToHaveCountAsync(0);

        await TabToAsync(page, "pf-submit");
        await page.Keyboard.PressAsync("Enter");
        await WaitForEventAsync(page, "permit-form:submit");
    }

    [TestCase("it")]
    [TestCase("en")]
    public async Task Demo_At320CssPixels_ReflowsWithoutHorizontalScrolling(string lang)
    {
        var page = await OpenAsync(lang, draft: false, width: 320, height: 640);
        Assert.That(await ScrollWidthAsync(page), Is.LessThanOrEqualTo(320), "the empty form");
        await page.Locator(Submit).ClickAsync();
        await Expect(page.Locator(Summary + " li").First).ToBeVisibleAsync();
        Assert.That(await ScrollWidthAsync(page), Is.LessThanOrEqualTo(320), "with the errors and the summary");
    }

    [Test]
    public async Task Demo_InEnglish_HasAnEnglishTitleAndEnglishIsMarkedOnTheItalianPage()
    {
        var page = await OpenAsync("en");
        await Expect(page).ToHaveTitleAsync("Demo portal – SCIA, Municipality of Milano");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("permit-form form")).ToHaveAttributeAsync("lang", "en");

        await page.ClickAsync("#lang-it");
        await Expect(page).ToHaveTitleAsync("Portale demo – SCIA, Comune di Milano");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "it");
        await Expect(page.Locator("#log-title span[lang='en']")).ToHaveTextAsync("Events");
        await Expect(page.Locator("#lang-en")).ToHaveAttributeAsync("lang", "en");
    }

    private static Task<int> ScrollWidthAsync(IPage page) =>
        page.EvaluateAsync<int>("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)");

    /// <summary>Presses Tab until the control whose id (or class) is <paramref name="id"/> has the focus.</summary>
    private static async Task TabToAsync(IPage page, string id)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await ActiveAsync(page) == id)
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"Tab never reached {id}");
    }
}
