// <permit-form>: embeddable form validator for municipal portals. Plain ES module, no framework, no build step.
//
//   <script type="module" src="https://SERVICE/widget/permit-form.js"></script>
//   <permit-form form="scia" municipality="015146" date="2025-06-01" lang="it"
//                endpoint="https://SERVICE" api-key="..."></permit-form>
//
// Fetches GET {endpoint}/api/v1/forms/{form}/schema?municipality=&date= (bundled, merged with the municipal
// extension), renders it, checks each field as the user types (validation.mjs: the schema keywords and the Italian
// formats of italian-formats.mjs) and asks the server (POST /forms/{form}/validate, debounced) for the verdict that
// counts, including the cross-field rules and the required attachments. Events (bubbling, composed):
//   permit-form:valid  detail: the JSON, whenever the server says the form is valid
//   permit-form:submit detail: the JSON, on submit, only after the server has re-validated it as valid
// Property `value`: the JSON (get) or a draft to resume (set). The typed values are never cleared on errors.
import { validateDocument, resolve } from "./validation.mjs";

export { validateDocument } from "./validation.mjs";

/** Delay between the last keystroke and the server validation. */
export const DEBOUNCE_MS = 400;

const TEXT = {
  it: {
    loading: "Caricamento del modulo…",
    checking: "Verifica in corso…",
    valid: "Il modulo è completo: il servizio lo considera valido.",
    invalid: (n) => (n === 1 ? "C'è 1 problema da correggere." : `Ci sono ${n} problemi da correggere.`),
    unreachable: "Il servizio di validazione non è raggiungibile. I dati inseriti sono conservati: riprovare tra poco.",
    refused: (status) => `Il servizio di validazione ha rifiutato la richiesta (HTTP ${status}). I dati inseriti sono conservati.`,
    retry: "Riprova",
    submit: "Invia la pratica",
    submitted: "Il modulo è valido ed è stato trasmesso al portale.",
    add: "Aggiungi",
    remove: "Rimuovi",
    item: "Elemento",
    choose: "— scegliere —",
    yes: "Sì",
    no: "No",
    attachments: "Allegati richiesti",
    noAttachments: "Nessun allegato richiesto finora.",
    provided: "presente",
    missing: "mancante",
    otherProblems: "Altri problemi",
    required: "obbligatorio",
    requiredNote: "I campi contrassegnati con * sono obbligatori.",
    incomplete: "Il modulo non è ancora completo: compilare i campi obbligatori.",
    summary: (n) => (n === 1 ? "C'è 1 problema da correggere prima dell'invio:" : `Ci sono ${n} problemi da correggere prima dell'invio:`),
    dateHint: "Formato: AAAA-MM-GG, per esempio 2025-06-01.",
  },
  en: {
    loading: "Loading the form…",
    checking: "Checking…",
    valid: "The form is complete: the service considers it valid.",
    invalid: (n) => (n === 1 ? "There is 1 problem to fix." : `There are ${n} problems to fix.`),
    unreachable: "The validation service cannot be reached. What you typed is kept: please try again shortly.",
    refused: (status) => `The validation service refused the request (HTTP ${status}). What you typed is kept.`,
    retry: "Try again",
    submit: "Submit the application",
    submitted: "The form is valid and was handed to the portal.",
    add: "Add",
    remove: "Remove",
    item: "Item",
    choose: "— choose —",
    yes: "Yes",
    no: "No",
    attachments: "Required attachments",
    noAttachments: "No attachment required so far.",
    provided: "provided",
    missing: "missing",
    otherProblems: "Other problems",
    required: "required",
    requiredNote: "Fields marked * are required.",
    incomplete: "The form is not complete yet: fill in the required fields.",
    summary: (n) => (n === 1 ? "There is 1 problem to fix before submitting:" : `There are ${n} problems to fix before submitting:`),
    dateHint: "Format: YYYY-MM-DD, for example 2025-06-01.",
  },
};

// Constructed stylesheet: works under a Content-Security-Policy without 'unsafe-inline' styles.
const CSS = `
permit-form { display: block; font: 16px/1.45 system-ui, sans-serif; color: #1b1b1b; max-width: 52rem; }
permit-form .pf-title { font-size: 1.35rem; margin: 0 0 .25rem; }
permit-form .pf-desc, permit-form .pf-help, permit-form .pf-hint, permit-form .pf-note { color: #555; font-size: .9rem; margin: .15rem 0 .35rem; }
permit-form fieldset { border: 1px solid #c8ccd2; border-radius: 6px; margin: 0 0 1rem; padding: .5rem 1rem .75rem; min-width: 0; }
permit-form fieldset fieldset { border-color: #dde0e4; background: #fafbfc; }
permit-form legend { font-weight: 600; padding: 0 .35rem; }
permit-form .pf-field { margin: .5rem 0; }
permit-form .pf-field > label { display: block; font-weight: 500; }
permit-form .pf-check { display: flex; gap: .5rem; align-items: baseline; }
permit-form .pf-check > label { font-weight: 500; }
permit-form input[type=text], permit-form select, permit-form textarea {
  box-sizing: border-box; width: 100%; max-width: 36rem; padding: .4rem .5rem; border: 1px solid #8a9099; border-radius: 4px; font: inherit; }
permit-form textarea { min-height: 4.5rem; }
permit-form [aria-invalid=true] { border-color: #b00020; outline: 1px solid #b00020; background: #fff6f7; }
permit-form :focus-visible { outline: 3px solid #1f6feb; outline-offset: 1px; }
permit-form .pf-error { color: #b00020; font-size: .9rem; margin: .2rem 0 0; }
permit-form .pf-error:empty { display: none; }
permit-form .pf-req { color: #b00020; }
permit-form .pf-status { position: sticky; top: 0; z-index: 1; padding: .6rem .8rem; border-radius: 6px; margin: 0 0 1rem; background: #eef3fb; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
permit-form .pf-status:empty { display: none; }
permit-form .pf-status[data-kind=error] { background: #fdecee; color: #7a0016; }
permit-form .pf-status[data-kind=ok] { background: #e8f6ec; color: #14532d; }
permit-form .pf-attachments { border: 1px solid #c8ccd2; border-radius: 6px; padding: .5rem 1rem; margin: 0 0 1rem; }
permit-form .pf-attachments h3 { margin: .25rem 0; font-size: 1rem; }
permit-form .pf-attachments li[data-provided=false] { color: #7a0016; }
permit-form .pf-attachments li[data-provided=true] { color: #14532d; }
permit-form button { font: inherit; padding: .35rem .8rem; border-radius: 4px; border: 1px solid #1f4e99; background: #fff; color: #1f4e99; cursor: pointer; }
permit-form button[type=submit] { background: #1f4e99; color: #fff; padding: .55rem 1.2rem; }
permit-form .pf-radios label { margin-right: 1rem; font-weight: 400; }
permit-form { overflow-wrap: anywhere; }
permit-form button { max-width: 100%; }
/* The sticky status bar must never cover the focused control (WCAG 2.4.11); the script sets the exact margin. */
permit-form :is(input, select, textarea, button, fieldset, .pf-error, .pf-summary) { scroll-margin-top: 5rem; }
permit-form .pf-summary { border: 3px solid #b00020; border-radius: 6px; padding: .5rem 1rem; margin: 0 0 1rem; background: #fff; }
permit-form .pf-summary:empty { display: none; }
permit-form .pf-summary h3 { margin: .25rem 0; font-size: 1rem; color: #7a0016; }
permit-form .pf-summary a { color: #7a0016; font-weight: 600; }
permit-form .pf-summary a:focus-visible { outline: 3px solid #1f6feb; }
permit-form .pf-sr { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
@media (max-width: 30rem) { permit-form fieldset { padding: .4rem .5rem .6rem; } permit-form fieldset fieldset { margin-left: 0; margin-right: 0; } }
`;
let sheetAdopted = false;
function adoptStyles() {
  if (sheetAdopted || typeof CSSStyleSheet === "undefined" || !("adoptedStyleSheets" in document)) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  sheetAdopted = true;
}

// WCAG 1.3.5: the applicant's own data carry the HTML autocomplete tokens (browsers fill them, assistive
// technology can mark them); everything else is about other people or the works, and stays "off".
const AUTOCOMPLETE = {
  cognome: "family-name",
  nome: "given-name",
  "nascita/data": "bday",
  "residenza/via": "address-line1",
  "residenza/civico": "address-line2",
  "residenza/cap": "postal-code",
  "residenza/comune": "address-level2",
  "residenza/provincia": "address-level1",
  "residenza/stato": "country-name",
  email: "email",
  pec: "email",
  telefono: "tel",
};
const APPLICANT = "/dichiarante/persona/";
const focusables = (control) => (control.tagName === "FIELDSET" ? [...control.querySelectorAll("input")] : [control]);
const autocompleteToken = (pointer) => (pointer.startsWith(APPLICANT) ? AUTOCOMPLETE[pointer.slice(APPLICANT.length)] : undefined) ?? "off";

let instances = 0;
const escapePointer = (name) => String(name).replace(/~/g, "~0").replace(/\//g, "~1");
const isObjectSchema = (s) => s && (s.type === "object" || (s.type === undefined && s.properties));
const clone = (value) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

export class PermitForm extends HTMLElement {
  static observedAttributes = ["form", "municipality", "date", "endpoint", "lang", "api-key"];

  #id = ++instances;
  #schema = null;
  #data = {};
  #touched = new Set();
  #submitted = false;
  #clientErrors = [];
  #serverErrors = [];
  #attachments = null;
  #timer = 0;
  #sequence = 0;
  #status = { key: "", kind: "", extra: "" };
  #controls = new Map(); // pointer -> { control, error, describedBy }
  #groups = new Map(); // pointer -> { element, error }
  #loadedKey = "";
  #loadSequence = 0;
  #connected = false;
  #shown = []; // the messages on screen: [{ pointer, message, target }]
  #announced = { pointer: "", text: "" };
  #lastLeft = "";

  connectedCallback() {
    this.#connected = true;
    adoptStyles();
    this.#load();
  }

  disconnectedCallback() {
    this.#connected = false;
    clearTimeout(this.#timer);
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (!this.#connected || oldValue === newValue) return;
    if (name === "lang") this.#render();
    else if (name !== "api-key") this.#load();
  }

  /** The form as JSON, as it would be sent to the server. */
  get value() {
    return this.#json();
  }

  /** Resumes a draft: the fields show it and it is validated at once. */
  set value(json) {
    this.#data = clone(json) ?? {};
    this.#touched = new Set();
    this.#markTouched(this.#data, "");
    this.#render();
    this.#validateNow();
  }

  /** Validates on the server now (no debounce); resolves to the report, or null when the service cannot be reached. */
  validate() {
    return this.#serverValidate();
  }

  get #lang() {
    return (this.getAttribute("lang") ?? "it").toLowerCase().startsWith("en") ? "en" : "it";
  }

  get #t() {
    return TEXT[this.#lang];
  }

  #base() {
    const endpoint = this.getAttribute("endpoint");
    // Default: the service that served this script.
    const base = endpoint && endpoint.trim() !== "" ? endpoint.trim() : new URL("..", import.meta.url).href;
    return base.replace(/\/+$/, "");
  }

  #url(kind) {
    const form = encodeURIComponent(this.getAttribute("form") ?? "");
    const query = new URLSearchParams();
    query.set("municipality", this.getAttribute("municipality") ?? "");
    const date = this.getAttribute("date");
    if (date) query.set("date", date);
    return `${this.#base()}/api/v1/forms/${form}/${kind}?${query}`;
  }

  #headers(extra) {
    const headers = { Accept: "application/json, application/schema+json, application/problem+json", "Accept-Language": this.#lang, ...extra };
    const key = this.getAttribute("api-key");
    if (key) headers["X-Api-Key"] = key;
    return headers;
  }

  async #load() {
    const key = this.#url("schema");
    if (key === this.#loadedKey && this.#schema) return;
    // Attributes may change while a schema is on its way (a portal setting them one by one): the last load wins.
    const sequence = ++this.#loadSequence;
    this.#setStatus("loading", "");
    if (!this.#schema) this.#render();
    let response;
    let schema;
    try {
      response = await fetch(key, { headers: this.#headers(), mode: "cors" });
      schema = response.ok ? await response.json() : null;
    } catch {
      if (sequence !== this.#loadSequence) return;
      this.#setStatus("unreachable", "error");
      this.#render();
      return;
    }
    if (sequence !== this.#loadSequence) return;
    if (!response.ok) {
      this.#setStatus("refused", "error", String(response.status));
      this.#render();
      return;
    }
    this.#schema = schema;
    this.#loadedKey = key;
    this.#setStatus("", "");
    this.#render();
    this.#clientValidate();
    if (this.#touched.size > 0) this.#validateNow();
  }

  // ------------------------------------------------------------------ JSON from the fields

  /** The document: required sections are always present (required yes/no answers default to false). */
  #json() {
    if (!this.#schema) return clone(this.#data) ?? {};
    return this.#build(this.#schema, this.#data, true) ?? {};
  }

  #build(node, data, present) {
    const schema = resolve(this.#schema, node);
    if (!schema) return clone(data);
    if (isObjectSchema(schema)) {
      if (data !== undefined && (data === null || typeof data !== "object" || Array.isArray(data))) return clone(data);
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const out = {};
      let content = false;
      for (const [key, value] of Object.entries(data ?? {})) {
        if (!(key in properties) && value !== undefined) { out[key] = clone(value); content = true; } // kept from a draft
      }
      for (const [key, child] of Object.entries(properties)) {
        const value = this.#build(child, data?.[key], false);
        if (value !== undefined) content = true;
      }
      if (!present && !content) return undefined;
      for (const [key, child] of Object.entries(properties)) {
        const value = this.#build(child, data?.[key], required.has(key));
        if (value !== undefined) out[key] = value;
      }
      return out;
    }
    if (schema.type === "array") {
      if (data !== undefined && !Array.isArray(data)) return clone(data);
      const items = (data ?? []).map((item) => this.#build(schema.items ?? {}, item, true)).filter((item) => item !== undefined);
      return items.length > 0 || present ? items : undefined;
    }
    if (schema.type === "boolean") return data === undefined ? (present ? false : undefined) : data;
    if (data === "" || data === undefined || data === null) return undefined;
    return data;
  }

  #set(pointer, value) {
    const parts = pointer.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
    let node = this.#data;
    for (let i = 0; i < parts.length - 1; i++) {
      const key = Array.isArray(node) ? Number(parts[i]) : parts[i];
      if (node[key] === undefined || node[key] === null || typeof node[key] !== "object") node[key] = /^\d+$/.test(parts[i + 1]) ? [] : {};
      node = node[key];
    }
    const last = Array.isArray(node) ? Number(parts[parts.length - 1]) : parts[parts.length - 1];
    if (value === undefined && !Array.isArray(node)) delete node[last];
    else node[last] = value;
  }

  #get(pointer) {
    return pointer.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce((node, key) => (node == null ? undefined : node[Array.isArray(node) ? Number(key) : key]), this.#data);
  }

  #markTouched(value, pointer) {
    this.#touched.add(pointer);
    if (value && typeof value === "object") {
      for (const [key, child] of Object.entries(value)) this.#markTouched(child, `${pointer}/${Array.isArray(value) ? key : escapePointer(key)}`);
    }
  }

  // ------------------------------------------------------------------ rendering

  #text(schema, key) {
    if (!schema) return undefined;
    return this.#lang === "en" ? schema[`x-${key}-en`] ?? schema[key] : schema[key];
  }

  #domId(pointer) {
    return `pf${this.#id}` + (pointer === "" ? "-root" : pointer.replace(/[^A-Za-z0-9]/g, (c) => (c === "/" ? "-" : `_${c.charCodeAt(0).toString(16)}`)));
  }

  #render() {
    const focused = this.contains(document.activeElement) ? document.activeElement.id : "";
    this.#controls = new Map();
    this.#groups = new Map();
    this.setAttribute("aria-busy", this.#schema ? "false" : "true");
    const t = this.#t;
    const form = document.createElement("form");
    form.noValidate = true;
    form.className = "pf-form";
    form.setAttribute("lang", this.#lang);

    const status = document.createElement("div");
    status.className = "pf-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    status.id = this.#domId("") + "-status";
    form.append(status);

    // Each field's own error, said once when the user leaves the field (the status says the count).
    const announcer = document.createElement("div");
    announcer.className = "pf-announce pf-sr";
    announcer.setAttribute("aria-live", "polite");
    form.append(announcer);

    if (this.#status.kind === "error") {
      const retry = document.createElement("button");
      retry.type = "button";
      retry.className = "pf-retry";
      retry.textContent = t.retry;
      retry.addEventListener("click", () => (this.#schema ? this.#validateNow() : this.#load()));
      form.append(retry);
    }

    if (this.#schema) {
      const title = document.createElement("h2");
      title.className = "pf-title";
      title.textContent = this.#text(this.#schema, "title") ?? "";
      form.append(title);
      const description = this.#text(this.#schema, "description");
      if (description) {
        const p = document.createElement("p");
        p.className = "pf-desc";
        p.textContent = description;
        form.append(p);
      }
      const note = document.createElement("p");
      note.className = "pf-note";
      note.textContent = t.requiredNote;
      form.append(note);

      const summary = document.createElement("div");
      summary.className = "pf-summary";
      summary.id = this.#domId("") + "-summary";
      summary.tabIndex = -1;
      form.append(summary);

      const root = this.#schema;
      const required = new Set(root.required ?? []);
      const rootGroup = document.createElement("div");
      this.#groups.set("", { element: form, error: null });
      for (const [key, child] of Object.entries(root.properties ?? {})) {
        rootGroup.append(this.#renderNode(child, `/${escapePointer(key)}`, required.has(key)));
      }
      form.append(rootGroup);

      const other = document.createElement("div");
      other.className = "pf-other";
      const otherError = document.createElement("ul");
      otherError.className = "pf-error pf-other-errors";
      otherError.id = this.#domId("") + "-other";
      otherError.setAttribute("aria-label", t.otherProblems);
      other.append(otherError);
      form.append(other);
      this.#groups.get("").error = otherError;

      const attachments = document.createElement("section");
      attachments.className = "pf-attachments";
      attachments.id = this.#domId("") + "-attachments";
      const heading = document.createElement("h3");
      heading.id = attachments.id + "-title";
      heading.textContent = t.attachments;
      attachments.setAttribute("aria-labelledby", heading.id);
      attachments.append(heading, document.createElement("ul"));
      form.append(attachments);

      const submit = document.createElement("button");
      submit.type = "submit";
      submit.className = "pf-submit";
      submit.textContent = t.submit;
      form.append(submit);
    }

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.#submit();
    });
    form.addEventListener("focusin", (event) => this.#keepClearOfStatus(event.target));
    form.addEventListener("focusout", (event) => this.#left(event));
    this.replaceChildren(form);
    this.#paintStatus();
    this.#paintErrors();
    this.#paintAttachments();
    if (focused) document.getElementById(focused)?.focus();
  }

  #renderNode(node, pointer, required) {
    const schema = resolve(this.#schema, node) ?? {};
    if (isObjectSchema(schema)) return this.#renderObject(schema, pointer, required);
    if (schema.type === "array") return this.#renderArray(schema, pointer, required);
    return this.#renderField(schema, pointer, required);
  }

  #legend(schema, pointer, required, fallback) {
    const legend = document.createElement("legend");
    legend.id = this.#domId(pointer) + "-legend";
    legend.textContent = this.#text(schema, "title") ?? fallback;
    if (required) legend.append(this.#requiredMark());
    return legend;
  }

  #groupTail(fieldset, schema, pointer) {
    const help = this.#text(schema, "description");
    if (help) {
      const p = document.createElement("p");
      p.className = "pf-help";
      p.id = this.#domId(pointer) + "-help";
      p.textContent = help;
      fieldset.append(p);
      fieldset.setAttribute("aria-describedby", p.id);
    }
    const error = document.createElement("p");
    error.className = "pf-error";
    error.id = this.#domId(pointer) + "-error";
    fieldset.append(error);
    this.#groups.set(pointer, { element: fieldset, error, help: help ? this.#domId(pointer) + "-help" : "" });
  }

  #renderObject(schema, pointer, required, fallback = pointer) {
    const fieldset = document.createElement("fieldset");
    fieldset.id = this.#domId(pointer);
    fieldset.dataset.pointer = pointer;
    fieldset.append(this.#legend(schema, pointer, required, fallback));
    this.#groupTail(fieldset, schema, pointer);
    const requiredKeys = new Set(schema.required ?? []);
    for (const [key, child] of Object.entries(schema.properties ?? {})) {
      fieldset.append(this.#renderNode(child, `${pointer}/${escapePointer(key)}`, requiredKeys.has(key)));
    }
    return fieldset;
  }

  #renderArray(schema, pointer, required) {
    const t = this.#t;
    const fieldset = document.createElement("fieldset");
    fieldset.id = this.#domId(pointer);
    fieldset.dataset.pointer = pointer;
    fieldset.className = "pf-array";
    const title = this.#text(schema, "title") ?? pointer;
    fieldset.append(this.#legend(schema, pointer, required, pointer));
    this.#groupTail(fieldset, schema, pointer);
    const itemSchema = resolve(this.#schema, schema.items ?? {}) ?? {};
    const items = Array.isArray(this.#get(pointer)) ? this.#get(pointer) : [];
    items.forEach((_, index) => {
      const at = `${pointer}/${index}`;
      const itemTitle = `${this.#text(itemSchema, "title") ?? t.item} ${index + 1}`;
      const element = isObjectSchema(itemSchema)
        ? this.#renderObject(itemSchema, at, false, itemTitle)
        : this.#renderField({ ...itemSchema, title: itemTitle, "x-title-en": itemTitle }, at, false);
      if (isObjectSchema(itemSchema)) element.querySelector("legend").textContent = itemTitle;
      const remove = document.createElement("button");
      remove.type = "button";
      remove.className = "pf-remove";
      remove.textContent = t.remove;
      remove.setAttribute("aria-label", `${t.remove}: ${itemTitle}`);
      remove.addEventListener("click", () => {
        const list = this.#get(pointer);
        list.splice(index, 1);
        if (list.length === 0) this.#set(pointer, undefined);
        this.#touched.add(pointer);
        this.#render();
        this.#changed(pointer);
        document.getElementById(this.#domId(pointer) + "-add")?.focus();
      });
      element.append(remove);
      fieldset.append(element);
    });
    const add = document.createElement("button");
    add.type = "button";
    add.className = "pf-add";
    add.id = this.#domId(pointer) + "-add";
    add.textContent = `${t.add}: ${title}`;
    if (typeof schema.maxItems === "number" && items.length >= schema.maxItems) add.disabled = true;
    add.addEventListener("click", () => {
      const list = Array.isArray(this.#get(pointer)) ? this.#get(pointer) : [];
      list.push(isObjectSchema(itemSchema) ? {} : "");
      this.#set(pointer, list);
      this.#touched.add(pointer);
      this.#render();
      this.#changed(pointer);
      const added = document.getElementById(this.#domId(`${pointer}/${list.length - 1}`));
      (added?.matches("input, select, textarea") ? added : added?.querySelector("input, select, textarea"))?.focus();
    });
    fieldset.append(add);
    return fieldset;
  }

  #requiredMark() {
    const mark = document.createElement("span");
    mark.className = "pf-req";
    mark.setAttribute("aria-hidden", "true");
    mark.textContent = " *";
    return mark;
  }

  #renderField(schema, pointer, required) {
    const t = this.#t;
    // A yes/no answer always has a value (unticked is "no"): only a declaration the applicant must make is required.
    if (schema.type === "boolean") required = schema.const === true || (Array.isArray(schema.enum) && schema.enum.length === 1 && schema.enum[0] === true);
    const id = this.#domId(pointer);
    const wrapper = document.createElement("div");
    wrapper.className = "pf-field";
    wrapper.dataset.pointer = pointer;
    const labelText = this.#text(schema, "title") ?? pointer.split("/").pop();
    const help = this.#text(schema, "description");
    const helpId = help ? id + "-help" : "";
    const errorId = id + "-error";
    const hintId = id + "-hint";
    const current = this.#get(pointer);
    let hint = "";
    let control;

    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = labelText;
    if (required) label.append(this.#requiredMark());

    if (schema.type === "boolean") {
      control = document.createElement("input");
      control.type = "checkbox";
      control.checked = current === true;
      control.addEventListener("change", () => this.#input(pointer, control.checked));
      wrapper.classList.add("pf-check");
      wrapper.append(control, label);
    } else if (Array.isArray(schema.enum) && schema.enum.length <= 2 && schema.enum.every((e) => typeof e === "string")) {
      // Two choices: radios in a group; the group is labelled by its legend, each radio by its own label.
      const group = document.createElement("fieldset");
      group.className = "pf-radios";
      group.id = id;
      // radiogroup: the role that may say it is required (aria-required is not allowed on a plain group).
      group.setAttribute("role", "radiogroup");
      const legend = document.createElement("legend");
      legend.textContent = labelText;
      if (required) legend.append(this.#requiredMark());
      group.append(legend);
      schema.enum.forEach((choice, index) => {
        const radio = document.createElement("input");
        radio.type = "radio";
        radio.name = id;
        radio.id = `${id}-${index}`;
        radio.value = choice;
        radio.checked = current === choice;
        radio.addEventListener("change", () => radio.checked && this.#input(pointer, choice));
        const radioLabel = document.createElement("label");
        radioLabel.htmlFor = radio.id;
        radioLabel.textContent = " " + this.#choiceText(schema, choice);
        radioLabel.prepend(radio);
        group.append(radioLabel);
      });
      wrapper.append(group);
      control = group;
    } else if (Array.isArray(schema.enum)) {
      control = document.createElement("select");
      const empty = document.createElement("option");
      empty.value = "";
      empty.textContent = t.choose;
      control.append(empty);
      schema.enum.forEach((choice, index) => {
        const option = document.createElement("option");
        option.value = String(index);
        option.textContent = this.#choiceText(schema, choice);
        option.selected = JSON.stringify(current) === JSON.stringify(choice);
        control.append(option);
      });
      control.addEventListener("change", () => this.#input(pointer, control.value === "" ? undefined : clone(schema.enum[Number(control.value)])));
      wrapper.append(label, control);
    } else {
      const long = typeof schema.maxLength === "number" && schema.maxLength > 500;
      control = document.createElement(long ? "textarea" : "input");
      if (!long) control.type = "text";
      if (schema.type === "integer" || schema.type === "number") control.inputMode = schema.type === "integer" ? "numeric" : "decimal";
      if (schema.format === "date") {
        control.placeholder = this.#lang === "en" ? "YYYY-MM-DD" : "AAAA-MM-GG";
        hint = t.dateHint;
      }
      if (schema.format === "email" || schema.format === "pec") control.inputMode = "email";
      control.value = current === undefined || current === null ? "" : String(current);
      control.spellcheck = false;
      control.autocomplete = autocompleteToken(pointer);
      control.addEventListener("input", () => this.#input(pointer, this.#parse(schema, control.value)));
      wrapper.append(label);
      if (hint) {
        const p = document.createElement("p");
        p.className = "pf-hint";
        p.id = hintId;
        p.textContent = hint;
        wrapper.append(p);
      }
      wrapper.append(control);
    }
    if (control.tagName !== "FIELDSET") control.id = id;
    if (required) control.setAttribute("aria-required", "true");
    if (help) {
      const p = document.createElement("p");
      p.className = "pf-help";
      p.id = helpId;
      p.textContent = help;
      wrapper.append(p);
    }
    const error = document.createElement("p");
    error.className = "pf-error";
    error.id = errorId;
    wrapper.append(error);
    const described = [hint ? hintId : "", helpId].filter(Boolean).join(" ");
    if (described) control.setAttribute("aria-describedby", described);
    this.#controls.set(pointer, { control, error, help: described });
    return wrapper;
  }

  #choiceText(schema, choice) {
    if (choice === true) return this.#t.yes;
    if (choice === false) return this.#t.no;
    // The service labels coded choices (x-enum-titles, x-enum-titles-en: arrays parallel to enum).
    const titles = schema[this.#lang === "en" ? "x-enum-titles-en" : "x-enum-titles"];
    const index = Array.isArray(schema.enum) ? schema.enum.indexOf(choice) : -1;
    if (Array.isArray(titles) && typeof titles[index] === "string") return titles[index];
    // "manutenzione-straordinaria" → "Manutenzione straordinaria"
    const text = String(choice).replace(/-/g, " ");
    return /^[A-Z0-9 ]+$/.test(text) ? String(choice) : text.charAt(0).toUpperCase() + text.slice(1);
  }

  #parse(schema, text) {
    if (text === "") return undefined;
    if (schema.type === "integer" && /^-?\d+$/.test(text.trim())) return Number(text.trim());
    if (schema.type === "number" && /^-?\d+([.,]\d+)?$/.test(text.trim())) return Number(text.trim().replace(",", "."));
    return text; // kept as typed: the type error is shown, the text is never lost
  }

  // ------------------------------------------------------------------ validation

  #input(pointer, value) {
    this.#set(pointer, value);
    this.#touched.add(pointer);
    this.#changed(pointer);
  }

  #changed(pointer) {
    // The server's verdict on this field is stale until the next report.
    this.#serverErrors = this.#serverErrors.filter((e) => e.pointer !== pointer);
    this.#clientValidate();
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#serverValidate(), DEBOUNCE_MS);
  }

  #validateNow() {
    clearTimeout(this.#timer);
    return this.#serverValidate();
  }

  #clientValidate() {
    if (!this.#schema) return;
    this.#clientErrors = validateDocument(this.#schema, this.#json()).errors;
    this.#paintErrors();
  }

  async #serverValidate() {
    if (!this.#schema) return null;
    const sequence = ++this.#sequence;
    const json = this.#json();
    let response;
    try {
      response = await fetch(this.#url("validate"), {
        method: "POST",
        mode: "cors",
        headers: this.#headers({ "Content-Type": "application/json" }),
        body: JSON.stringify(json),
      });
    } catch {
      if (sequence === this.#sequence) this.#setStatus("unreachable", "error");
      return null;
    }
    if (sequence !== this.#sequence) return null; // a newer request is on its way
    if (!response.ok) {
      this.#setStatus("refused", "error", String(response.status));
      return null;
    }
    const report = await response.json();
    if (sequence !== this.#sequence) return null;
    this.#serverErrors = report.errors ?? [];
    this.#attachments = report.requiredAttachments ?? [];
    this.#paintErrors();
    this.#paintAttachments();
    this.#setStatus(report.valid ? "valid" : "invalid", report.valid ? "ok" : "");
    this.#announceLeft();
    if (report.valid) this.#emit("permit-form:valid", json);
    return { report, json };
  }

  async #submit() {
    this.#submitted = true;
    this.#clientValidate();
    this.#setStatus("checking", "");
    // Never trust the client's verdict: the server decides, on exactly the JSON handed over.
    const result = await this.#validateNow();
    if (!result) return;
    if (result.report.valid) {
      this.#setStatus("submitted", "ok");
      this.#emit("permit-form:submit", result.json);
    } else {
      this.#paintErrors();
      // The summary lists every problem with a link to its field; the user starts there (as on GOV.UK's pattern).
      const summary = this.querySelector(".pf-summary");
      if (summary && summary.childElementCount > 0) summary.focus();
      else this.querySelector("[aria-invalid=true]")?.focus();
    }
  }

  /** Scrolls the focused control out from under the sticky status bar (WCAG 2.4.11 Focus Not Obscured). */
  #keepClearOfStatus(target) {
    const status = this.querySelector(".pf-status");
    if (!status || !(target instanceof HTMLElement) || status.contains(target) || status.textContent === "") return;
    const margin = Math.ceil(status.getBoundingClientRect().height) + 12;
    target.style.scrollMarginTop = `${margin}px`;
    const bar = status.getBoundingClientRect();
    const box = target.getBoundingClientRect();
    // Under the bar, or above the viewport (Shift+Tab): the browser would align it to the top edge, under the bar.
    if (box.top < bar.bottom) target.scrollIntoView({ block: "start" });
  }

  /** Leaving a field: it counts as touched, and its own error (if any) is announced. */
  #left(event) {
    const wrapper = event.target instanceof Element ? event.target.closest(".pf-field[data-pointer]") : null;
    if (!wrapper || (event.relatedTarget instanceof Node && wrapper.contains(event.relatedTarget))) return;
    const pointer = wrapper.dataset.pointer;
    this.#lastLeft = pointer;
    if (!this.#touched.has(pointer)) {
      this.#touched.add(pointer);
      this.#paintErrors();
    }
    this.#announceLeft();
  }

  #announceLeft() {
    const field = this.#controls.get(this.#lastLeft);
    if (!field) return;
    const text = field.error.textContent;
    if (text === "" || (this.#announced.pointer === this.#lastLeft && this.#announced.text === text)) return;
    this.#announced = { pointer: this.#lastLeft, text };
    const announcer = this.querySelector(".pf-announce");
    if (announcer) announcer.textContent = text;
  }

  #emit(name, json) {
    this.dispatchEvent(new CustomEvent(name, { detail: clone(json), bubbles: true, composed: true }));
  }

  #setStatus(key, kind, extra = "") {
    const wasError = this.#status.kind === "error";
    this.#status = { key, kind, extra };
    if (wasError !== (kind === "error") && this.#schema) this.#render(); // adds or removes the retry button
    else this.#paintStatus();
  }

  #paintStatus() {
    const status = this.querySelector(".pf-status");
    if (!status) return;
    const { key, kind, extra } = this.#status;
    // The count is of the problems on screen, so what is announced matches what the user sees.
    const shown = key === "invalid" && this.#shown.length === 0 ? "incomplete" : key;
    const entry = shown ? this.#t[shown] : "";
    status.textContent = typeof entry === "function" ? entry(key === "invalid" ? this.#shown.length : extra) : entry;
    status.dataset.kind = kind;
  }

  /** Which element shows an issue: the field at its pointer, else the nearest group above it. */
  #target(pointer) {
    for (let at = pointer; ; at = at.slice(0, at.lastIndexOf("/"))) {
      if (this.#controls.has(at)) return { field: this.#controls.get(at), at };
      if (this.#groups.has(at)) return { group: this.#groups.get(at), at };
      if (at === "") return { group: this.#groups.get(""), at: "" };
    }
  }

  #visible(pointer, target) {
    if (this.#submitted) return true;
    if (target.field) return this.#touched.has(pointer) || this.#touched.has(target.at);
    // A group's own issue (a rule about a section) once anything inside it was touched.
    for (const touched of this.#touched) if (touched === target.at || touched.startsWith(target.at + "/")) return target.at !== "" || pointer === "";
    return false;
  }

  #paintErrors() {
    const lang = this.#lang;
    const byElement = new Map();
    const cited = new Map();
    const seen = new Set();
    const shown = [];
    for (const issue of [...this.#serverErrors, ...this.#clientErrors]) {
      const key = `${issue.pointer}|${issue.code}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const target = this.#target(issue.pointer);
      if (!target || !this.#visible(issue.pointer, target)) continue;
      const slot = target.field ?? target.group;
      const message = issue.message?.[lang] ?? issue.message?.it ?? issue.code;
      if (!byElement.has(slot)) byElement.set(slot, []);
      byElement.get(slot).push(message);
      shown.push({ message, slot });
      if (issue.legalBasis?.length) cited.set(slot, [...(cited.get(slot) ?? []), ...issue.legalBasis]);
    }
    this.#shown = shown;
    const line = (message, tag = "span") => Object.assign(document.createElement(tag), { className: "pf-message", textContent: message });
    for (const field of this.#controls.values()) {
      const messages = byElement.get(field) ?? [];
      field.error.replaceChildren(...messages.flatMap((m, i) => (i === 0 ? [line(m)] : [" ", line(m)])));
      field.error.append(...citationLinks(cited.get(field), lang));
      for (const control of focusables(field.control)) {
        if (messages.length > 0) {
          control.setAttribute("aria-invalid", "true");
          control.setAttribute("aria-describedby", [field.error.id, field.help].filter(Boolean).join(" "));
        } else {
          control.removeAttribute("aria-invalid");
          if (field.help) control.setAttribute("aria-describedby", field.help);
          else control.removeAttribute("aria-describedby");
        }
      }
    }
    for (const group of this.#groups.values()) {
      if (!group.error) continue;
      const messages = byElement.get(group) ?? [];
      if (group.error.tagName === "UL") {
        group.error.replaceChildren(...messages.map((m) => line(m, "li")));
        const links = citationLinks(cited.get(group), lang);
        if (links.length > 0) group.error.append(Object.assign(document.createElement("li"), { className: "pf-citations" }));
        group.error.lastElementChild?.append(...links);
        continue;
      }
      group.error.replaceChildren(...messages.flatMap((m, i) => (i === 0 ? [line(m)] : [" ", line(m)])));
      group.error.append(...citationLinks(cited.get(group), lang));
      // A section's own problem describes its fieldset and the first control in it, so Tab reaches it.
      const described = messages.length > 0 ? [group.error.id, group.help] : [group.help];
      const ids = described.filter(Boolean).join(" ");
      if (ids) group.element.setAttribute("aria-describedby", ids);
      else group.element.removeAttribute("aria-describedby");
      const first = group.element.querySelector("input, select, textarea, button");
      if (first) {
        const list = (first.getAttribute("aria-describedby") ?? "").split(" ").filter((id) => id !== "" && id !== group.error.id);
        if (messages.length > 0) list.push(group.error.id);
        if (list.length > 0) first.setAttribute("aria-describedby", list.join(" "));
        else first.removeAttribute("aria-describedby");
      }
    }
    this.#paintSummary();
    if (this.#status.key === "invalid") this.#paintStatus();
  }

  /** After a submit: every problem on screen, each a link to where it is shown. */
  #paintSummary() {
    const summary = this.querySelector(".pf-summary");
    if (!summary) return;
    const content = this.#submitted ? `${this.#lang}\n${this.#shown.map((s) => s.message).join("\n")}` : "";
    // Rebuilt only when its content changes, so a focused link is never pulled from under the user.
    if (summary.dataset.content === content && summary.isConnected && (content === "") === (summary.childElementCount === 0)) return;
    summary.dataset.content = content;
    if (content === "" || this.#shown.length === 0) {
      summary.replaceChildren();
      summary.removeAttribute("aria-labelledby");
      return;
    }
    const heading = document.createElement("h3");
    heading.id = summary.id + "-title";
    heading.textContent = this.#t.summary(this.#shown.length);
    const list = document.createElement("ul");
    for (const { message, slot } of this.#shown) {
      const target = slot.control ? focusables(slot.control)[0] : slot.error;
      const link = document.createElement("a");
      link.href = `#${target?.id ?? ""}`;
      link.textContent = message;
      link.addEventListener("click", (event) => {
        event.preventDefault();
        if (!target) return;
        // A section's problem has no control of its own: its message takes the focus, then Tab goes on inside.
        if (!slot.control && !target.hasAttribute("tabindex")) target.tabIndex = -1;
        target.focus();
      });
      const item = document.createElement("li");
      item.append(link);
      list.append(item);
    }
    summary.setAttribute("aria-labelledby", heading.id);
    summary.replaceChildren(heading, list);
  }

  #paintAttachments() {
    const list = this.querySelector(".pf-attachments ul");
    if (!list) return;
    const t = this.#t;
    const lang = this.#lang;
    if (!this.#attachments || this.#attachments.length === 0) {
      list.replaceChildren(Object.assign(document.createElement("li"), { textContent: t.noAttachments }));
      return;
    }
    list.replaceChildren(...this.#attachments.map((a) => {
      const li = document.createElement("li");
      li.dataset.code = a.code;
      li.dataset.provided = String(a.provided === true);
      const name = document.createElement("strong");
      name.textContent = a.code;
      li.append(name, ` (${a.provided ? t.provided : t.missing}): ${a.message?.[lang] ?? a.message?.it ?? ""}`,
        ...citationLinks(a.legalBasis, lang));
      return li;
    }));
  }
}

// The server's citations as links to the article in force on the form's legal date (the report's legalBasis[].url,
// built by the server: LawLinks.CitationLinks). One link per address, each after a space; none without an address.
function citationLinks(bases, lang) {
  const seen = new Set();
  const links = [];
  for (const basis of bases ?? []) {
    if (typeof basis?.url !== "string" || !/^https:\/\//.test(basis.url) || seen.has(basis.url)) continue;
    seen.add(basis.url);
    const link = Object.assign(document.createElement("a"), {
      href: basis.url, target: "_blank", rel: "noopener noreferrer", className: "pf-citation",
      textContent: `${basis.instrument} art. ${basis.article}${basis.paragraph ? (lang === "en" ? ` para. ${basis.paragraph}` : ` c. ${basis.paragraph}`) : ""}`,
    });
    link.title = lang === "en" ? "Text in force on the legal date (opens in a new window)" : "Testo vigente alla data di riferimento (si apre in una nuova finestra)";
    links.push(" ", link);
  }
  return links;
}

if (!customElements.get("permit-form")) customElements.define("permit-form", PermitForm);
