using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace StrategicCities.Browser.Tests;

/// <summary>The &lt;permit-form&gt; widget in the demo portal, SCIA for Milano, driven in headless Chromium.</summary>
[TestFixture]
public sealed partial class PermitFormTests
{
    private const string CodiceFiscale = "/dichiarante/persona/codiceFiscale";
    private const string WrongCheckCharacter = "RSSMRA85T10A562T";
    private const string RightCodiceFiscale = "RSSMRA85T10A562S";

    private IBrowserContext? _context;

    private static string Draft => File.ReadAllText(Path.Combine(RepoPaths.Schemas, "forms", "scia", "examples", "2025-05-23", "valid", "persona-fisica.json"));

    [SetUp]
    public void SetTimeouts() => SetDefaultExpectTimeout(15_000);

    [TearDown]
    public async Task CloseAsync()
    {
        if (_context is not null)
        {
            await _context.CloseAsync();
        }
    }

    [Test]
    public async Task Italian_wrong_codice_fiscale_shows_the_server_error_and_fixing_it_removes_it()
    {
        var page = await OpenAsync("it");
        await Expect(page.Locator($"label[for='{await IdAsync(page, CodiceFiscale)}']")).ToHaveTextAsync("Codice fiscale *");

        await TypeAsync(page, CodiceFiscale, WrongCheckCharacter);
        var error = Error(page, CodiceFiscale);
        await Expect(error).ToContainTextAsync("carattere di controllo");
        await Expect(Field(page, CodiceFiscale)).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("permit-form .pf-status")).ToContainTextAsync("problem");
        await ScreenshotAsync(page, "permit-form-scia-milano-it-error", Field(page, CodiceFiscale));

        await Field(page, CodiceFiscale).PressAsync("Backspace");
        await Field(page, CodiceFiscale).PressSequentiallyAsync("S");
        await Expect(error).ToBeEmptyAsync();
        await Expect(Field(page, CodiceFiscale)).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("permit-form .pf-status")).ToHaveTextAsync("Il modulo è completo: il servizio lo considera valido.");
        var valid = await WaitForEventAsync(page, "permit-form:valid");
        Assert.That(valid.GetProperty("dichiarante").GetProperty("persona").GetProperty("codiceFiscale").GetString(), Is.EqualTo(RightCodiceFiscale));
    }

    [Test]
    public async Task Landscape_constraint_adds_the_landscape_authorisation_to_the_required_attachments()
    {
        var page = await OpenAsync("it");
        var attachment = page.Locator("permit-form .pf-attachments li[data-code='autorizzazione-paesaggistica']");
        await Expect(page.Locator("permit-form .pf-attachments li[data-code='elaborati-grafici'][data-provided='true']")).ToBeVisibleAsync();
        await Expect(attachment).ToHaveCountAsync(0);

        await Field(page, "/vincoli/paesaggistico").CheckAsync();
        await Expect(attachment).ToHaveAttributeAsync("data-provided", "false");
        await Expect(attachment).ToContainTextAsync("autorizzazione paesaggistica");
        await Expect(Error(page, "/allegati")).ToContainTextAsync("vincolo paesaggistico");
        await ScreenshotAsync(page, "permit-form-scia-milano-landscape", page.Locator("permit-form .pf-attachments"));

        await Field(page, "/vincoli/paesaggistico").UncheckAsync();
        await Expect(attachment).ToHaveCountAsync(0);
    }

    [Test]
    public async Task Submit_revalidates_on_the_server_and_emits_the_json()
    {
        var page = await OpenAsync("it");
        await TypeAsync(page, "/intervento/descrizione", "Rifacimento del bagno");
        await page.Locator("permit-form .pf-submit").ClickAsync();

        var submitted = await WaitForEventAsync(page, "permit-form:submit");
        Assert.Multiple(() =>
        {
            Assert.That(submitted.GetProperty("intervento").GetProperty("descrizione").GetString(), Is.EqualTo("Rifacimento del bagno"));
            Assert.That(submitted.GetProperty("dichiarante").GetProperty("persona").GetProperty("codiceFiscale").GetString(), Is.EqualTo(RightCodiceFiscale));
            Assert.That(submitted.GetProperty("vincoli").GetProperty("paesaggistico").GetBoolean(), Is.False);
        });
        await Expect(page.Locator("permit-form .pf-status")).ToContainTextAsync("trasmesso");
    }

    [Test]
    public async Task Submit_of_an_invalid_form_emits_nothing_and_focuses_the_error_summary()
    {
        var page = await OpenAsync("it", draft: false);
        await page.Locator("permit-form .pf-submit").ClickAsync();
        await Expect(page.Locator("permit-form .pf-status")).ToContainTextAsync("problemi da correggere");
        await Expect(page.Locator("permit-form .pf-summary")).ToBeFocusedAsync();
        Assert.That(await page.EvaluateAsync<int>("window.permitEvents.filter(e => e.type === 'permit-form:submit').length"), Is.Zero);
    }

    [Test]
    public async Task English_switches_every_text_and_the_same_flow_works()
    {
        var page = await OpenAsync("it");
        await page.ClickAsync("#lang-en");
        await Expect(page.Locator("permit-form .pf-submit")).ToHaveTextAsync("Submit the application");
        await Expect(page.Locator($"label[for='{await IdAsync(page, CodiceFiscale)}']")).ToHaveTextAsync("Tax code (codice fiscale) *");
        // Coded choices carry the service's labels (x-enum-titles-en), not their Italian codes.
        await Expect(Field(page, "/intervento/categoria").Locator("option:checked")).ToHaveTextAsync("Extraordinary maintenance");
        await Expect(page.Locator("permit-form [data-pointer='/dichiarante/tipo'] label")).ToContainTextAsync(["Natural person", "Legal person"]);

        await TypeAsync(page, CodiceFiscale, WrongCheckCharacter);
        await Expect(Error(page, CodiceFiscale)).ToContainTextAsync("check character");
        await Field(page, "/vincoli/paesaggistico").CheckAsync();
        await Expect(page.Locator("permit-form .pf-attachments li[data-code='autorizzazione-paesaggistica']")).ToContainTextAsync("landscape authorisation");
        await ScreenshotAsync(page, "permit-form-scia-milano-en", page.Locator("permit-form .pf-title"));

        await Field(page, "/vincoli/paesaggistico").UncheckAsync();
        await Field(page, CodiceFiscale).FillAsync("");
        await Field(page, CodiceFiscale).PressSequentiallyAsync(RightCodiceFiscale);
        await Expect(Error(page, CodiceFiscale)).ToBeEmptyAsync();
        await page.Locator("permit-form .pf-submit").ClickAsync();
        var submitted = await WaitForEventAsync(page, "permit-form:submit");
        Assert.That(submitted.GetProperty("dichiarante").GetProperty("persona").GetProperty("codiceFiscale").GetString(), Is.EqualTo(RightCodiceFiscale));
        await Expect(page.Locator("permit-form .pf-status")).ToHaveTextAsync("The form is valid and was handed to the portal.");
    }

    [Test]
    public async Task Unreachable_service_while_typing_shows_the_message_and_keeps_the_value()
    {
        var page = await OpenAsync("it");
        // The network goes down after the form was loaded.
        await page.RouteAsync("**/validate?**", route => route.AbortAsync("connectionrefused"));
        await TypeAsync(page, "/intervento/descrizione", "Opere interne");
        await Expect(page.Locator("permit-form .pf-status")).ToContainTextAsync("non è raggiungibile");
        await page.Locator("permit-form .pf-submit").ClickAsync();
        await Expect(page.Locator("permit-form .pf-status")).ToContainTextAsync("I dati inseriti sono conservati");
        await Expect(Field(page, "/intervento/descrizione")).ToHaveValueAsync("Opere interne");
        await Expect(Field(page, CodiceFiscale)).ToHaveValueAsync(RightCodiceFiscale);
        Assert.That(await page.EvaluateAsync<int>("window.permitEvents.filter(e => e.type === 'permit-form:submit').length"), Is.Zero);

        // Back online: "Riprova" validates again and the message goes.
        await page.UnrouteAllAsync();
        await page.Locator("permit-form .pf-retry").ClickAsync();
        await Expect(page.Locator("permit-form .pf-status")).ToContainTextAsync("valido");
        await Expect(Field(page, "/intervento/descrizione")).ToHaveValueAsync("Opere interne");
    }

    [Test]
    public async Task Unreachable_endpoint_shows_the_message_in_english()
    {
        _context = await BrowserSession.Browser.NewContextAsync(new() { BaseURL = BrowserSession.BaseAddress.ToString() });
        var page = await _context.NewPageAsync();
        await page.GotoAsync("demo?lang=en&date=2025-06-01&endpoint=http%3A%2F%2F127.0.0.1%3A9");
        await Expect(page.Locator("permit-form .pf-status")).ToContainTextAsync("The validation service cannot be reached");
        await Expect(page.Locator("permit-form .pf-status")).ToHaveAttributeAsync("aria-live", "polite");
        await Expect(page.Locator("permit-form .pf-retry")).ToHaveTextAsync("Try again");
    }

    [Test]
    public async Task Keyboard_reaches_the_fields_in_order_and_errors_are_announced()
    {
        var page = await OpenAsync("it", draft: false);

        // Every control has a <label for>; no positive tabindex anywhere.
        var unlabelled = await page.EvaluateAsync<string[]>(
            "[...document.querySelectorAll('permit-form input, permit-form select, permit-form textarea')].filter(c => c.labels.length === 0 || ![...c.labels].some(l => l.htmlFor === c.id)).map(c => c.id)");
        Assert.That(unlabelled, Is.Empty);
        Assert.That(await page.EvaluateAsync<int>("[...document.querySelectorAll('permit-form [tabindex]')].filter(e => e.tabIndex > 0).length"), Is.Zero);

        // Tab walks the controls in DOM order (one stop per radio group).
        var expected = await page.EvaluateAsync<string[]>(
            "(() => { const seen = new Set(); return [...document.querySelectorAll('permit-form input, permit-form select, permit-form textarea, permit-form button')]" +
            ".filter(c => !c.disabled && (c.type !== 'radio' || (!seen.has(c.name) && seen.add(c.name)))).slice(0, 15).map(c => c.id || c.className); })()");
        await page.Locator("permit-form input").First.FocusAsync();
        var reached = new List<string> { await ActiveAsync(page) };
        for (var i = 1; i < expected.Length; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached.Add(await ActiveAsync(page));
        }

        Assert.That(reached, Is.EqualTo(expected));

        // An error: aria-invalid, and aria-describedby names the element that shows the message.
        await TypeAsync(page, CodiceFiscale, "RSSMRA85T10A562");
        await page.Keyboard.PressAsync("Tab");
        var field = Field(page, CodiceFiscale);
        await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        var describedBy = await field.GetAttributeAsync("aria-describedby");
        Assert.That(describedBy, Is.Not.Null.And.Not.Empty);
        var message = page.Locator($"[id='{describedBy!.Split(' ')[0]}']");
        await Expect(message).ToContainTextAsync("16 caratteri");
        await Expect(page.Locator("permit-form [role='status'][aria-live='polite']")).ToHaveCountAsync(1);
    }

    [Test]
    public async Task Required_attachment_links_its_legal_basis_in_force_on_the_legal_date()
    {
        var page = await OpenAsync("it");
        var attachment = page.Locator("permit-form .pf-attachments li[data-code='autorizzazione-paesaggistica']");

        await Field(page, "/vincoli/paesaggistico").CheckAsync();

        // The demo validates for 2025-06-01: the Codice dei beni culturali as in force that day.
        var link = attachment.Locator("a.pf-citation[href*='N2Ls?urn:nir:stato:decreto.legislativo:2004-01-22;42~art']");
        await Expect(link.First).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("!vig=2025-06-01$"));
        await Expect(link.First).ToHaveAttributeAsync("rel", "noopener noreferrer");
    }

    private async Task<IPage> OpenAsync(string lang, bool draft = true, int width = 1280, int height = 900)
    {
        _context = await BrowserSession.Browser.NewContextAsync(new()
        {
            BaseURL = BrowserSession.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        var page = await _context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync($"demo?lang={lang}&date=2025-06-01");
        await Expect(page.Locator("permit-form .pf-submit")).ToBeVisibleAsync();
        if (draft)
        {
            // A draft the applicant saved earlier (the valid persona-fisica example), resumed through the value property.
            await page.EvalOnSelectorAsync("permit-form", "(el, json) => { el.value = JSON.parse(json); }", Draft);
            await Expect(page.Locator("permit-form .pf-status")).ToContainTextAsync(lang == "en" ? "valid" : "valido");
        }

        Assert.That(errors, Is.Empty, "script errors in the page");
        return page;
    }

    private static async Task<string> IdAsync(IPage page, string pointer) =>
        await Field(page, pointer).GetAttributeAsync("id") ?? throw new AssertionException($"no id on the control of {pointer}");

    private static ILocator Field(IPage page, string pointer) =>
        page.Locator($"permit-form [data-pointer='{pointer}'] :is(input, select, textarea)").First;

    private static ILocator Error(IPage page, string pointer) =>
        page.Locator($"permit-form [data-pointer='{pointer}'] > .pf-error").First;

    private static async Task TypeAsync(IPage page, string pointer, string text)
    {
        var field = Field(page, pointer);
        await field.FillAsync("");
        await field.PressSequentiallyAsync(text);
    }

    private static Task<string> ActiveAsync(IPage page) =>
        page.EvaluateAsync<string>("document.activeElement.id || document.activeElement.className");

    private static async Task<JsonElement> WaitForEventAsync(IPage page, string type)
    {
        // A function, not a bare expression: Playwright evals the text once inside its own (CSP-exempt) call and
        // then polls the function; a bare expression is re-evaled on every poll, which the demo page's CSP
        // (no 'unsafe-eval') refuses whenever the event is not there on the first check.
        await page.WaitForFunctionAsync("type => window.permitEvents.some(e => e.type === type)", type, new() { Timeout = 15_000 });
        var detail = await page.EvaluateAsync<JsonElement>($"JSON.stringify(window.permitEvents.filter(e => e.type === '{type}').at(-1).detail)");
        return JsonDocument.Parse(detail.GetString()!).RootElement.Clone();
    }

    /// <summary>The viewport around <paramref name="around"/> (artifacts/screenshots and a test attachment).</summary>
    private static async Task ScreenshotAsync(IPage page, string name, ILocator around)
    {
        var file = Path.Combine(RepoPaths.Screenshots, name + ".png");
        await around.EvaluateAsync("el => el.scrollIntoView({ block: 'center' })");
        await page.ScreenshotAsync(new() { Path = file });
        TestContext.AddTestAttachment(file, name);
    }
}
