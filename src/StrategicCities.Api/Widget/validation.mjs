// Client-side schema checks of the <permit-form> widget: the JSON Schema keywords form schemas may use
// (StrategicCities.Core.Forms.SchemaKeywords) with the server's issue codes and pointers, and the Italian
// formats from italian-formats.mjs (the same file as schemas/formats/italian-formats.mjs, served as is).
// Advisory only: the widget never trusts this verdict; the server's POST /forms/{form}/validate decides.
//
//   import { validateDocument } from "/widget/validation.mjs";
//   const { valid, errors } = validateDocument(schema, json); // errors: [{ pointer, code, message: { it, en } }]
import { checks } from "./italian-formats.mjs";

const patterns = new Map();
// ECMAScript with the "u" flag (as Ajv) where the pattern allows it; the schemas keep to the syntax .NET and JS share.
function pattern(source) {
  let regex = patterns.get(source);
  if (!regex) {
    try { regex = new RegExp(source, "u"); } catch { regex = new RegExp(source); }
    patterns.set(source, regex);
  }
  return regex;
}

const escape = (name) => String(name).replace(/~/g, "~0").replace(/\//g, "~1");

/** Resolves a local "$ref" ("#/definitions/x") against the root schema; the served schemas are bundled. */
export function resolve(root, schema) {
  let current = schema;
  for (let hops = 0; current && typeof current === "object" && typeof current.$ref === "string" && hops < 32; hops++) {
    const ref = current.$ref;
    if (!ref.startsWith("#")) throw new Error(`permit-form: external $ref not supported: ${ref}`);
    current = ref.slice(1).split("/").filter((p) => p !== "")
      .map((p) => decodeURIComponent(p).replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce((node, part) => (node == null ? undefined : node[part]), root);
  }
  return current;
}

const typeOf = (value) => {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value; // string, boolean, object
};

const matchesType = (value, type) => {
  const actual = typeOf(value);
  if (type === "number") return actual === "number" || actual === "integer";
  return actual === type;
};

const TYPE_WORDS = {
  it: { string: "un testo", integer: "un numero intero", number: "un numero", boolean: "sì/no (true o false)", object: "un oggetto", array: "un elenco", null: "null" },
  en: { string: "a text", integer: "an integer", number: "a number", boolean: "yes/no (true or false)", object: "an object", array: "a list", null: "null" },
};

/**
 * yyyy-MM-dd naming a day that exists (JSON Schema "date", full-date of RFC 3339, whose year is any four digits), from
 * 0001 as the server (a .NET date) takes it: years 0001-0099 are dates too, which Date.UTC would read as 1901-1999.
 */
export function isDate(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
}

/**
 * An e-mail address as the server's "email" format takes it (NJsonSchema's dot-atom expression, letters in either
 * case): dot-separated atoms before the @ (no empty one: a..b@x.it is refused), dot-separated labels after it, the
 * last not followed by a dot (mario@x.it. is refused).
 */
export const isEmail = (value) =>
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i.test(value);

/** The check of a format: { valid } or { valid: false, message: { it, en } }. Unknown formats pass, as on the server. */
export function checkFormat(format, value) {
  if (checks[format]) return checks[format](value);
  if (format === "date") return isDate(value) ? { valid: true }
    : { valid: false, message: { it: "data non valida: usare il formato AAAA-MM-GG con un giorno esistente.", en: "not a valid date: use YYYY-MM-DD with a day that exists." } };
  if (format === "email") return isEmail(value) ? { valid: true }
    : { valid: false, message: { it: "indirizzo di posta elettronica non valido.", en: "not a valid e-mail address." } };
  return { valid: true };
}

/** The label of a schema in both languages: title and x-title-en, else the pointer. */
export function label(schema, pointer) {
  const it = schema?.title ?? pointer;
  return { it, en: schema?.["x-title-en"] ?? it };
}

/**
 * Validates a document against a (bundled) form schema. Returns { valid, errors } with the server's issue codes
 * (schema.required, schema.type, schema.enum, schema.pattern, schema.format.<name>, schema.min-length,
 * schema.max-length, schema.minimum, schema.maximum, schema.min-items, schema.max-items, schema.unknown-field)
 * and JSON pointers into the document (a missing property is reported at its own pointer).
 */
export function validateDocument(schema, json) {
  const errors = [];
  walk(schema, schema, json, "", errors);
  // As the server: keep one issue per pointer and code, ordered by pointer.
  const seen = new Set();
  const unique = errors.filter((e) => !seen.has(e.pointer + "|" + e.code) && seen.add(e.pointer + "|" + e.code));
  unique.sort((a, b) => (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0));
  return { valid: unique.length === 0, errors: unique };
}

const CLASS_WORDS = {
  "0-9": { it: "cifre", en: "digits" },
  "A-Z": { it: "lettere maiuscole", en: "capital letters" },
  "A-Z0-9": { it: "lettere maiuscole o cifre", en: "capital letters or digits" },
  "0-9A-Z": { it: "lettere maiuscole o cifre", en: "capital letters or digits" },
};

/** The expected format of a simple pattern (^[0-9]{5}$ → "5 cifre"), worded as the server's SchemaErrors does. */
function patternInWords(source, lang) {
  const match = /^\^\[([0-9A-Z-]+)\]\{(\d+)(?:,(\d+))?\}\$$/.exec(source);
  const kind = match ? CLASS_WORDS[match[1]]?.[lang] : undefined;
  if (!kind) return lang === "it" ? "formato non valido" : "wrong format";
  const count = match[3] === undefined ? match[2] : lang === "it" ? `da ${match[2]} a ${match[3]}` : `${match[2]} to ${match[3]}`;
  return lang === "it" ? `formato non valido: scrivere ${count} ${kind}` : `wrong format: write ${count} ${kind}`;
}

function walk(root, node, value, pointer, errors) {
  const schema = resolve(root, node);
  if (schema === true || schema === undefined || schema === null) return;
  if (schema === false) {
    errors.push({ pointer, code: "schema.invalid", message: { it: "Valore non ammesso.", en: "Value not allowed." } });
    return;
  }
  const name = label(schema, pointer);
  const add = (code, it, en, at = pointer) => errors.push({ pointer: at, code, message: { it, en } });

  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => matchesType(value, t))) {
      const it = types.map((t) => TYPE_WORDS.it[t] ?? t).join(" o ");
      const en = types.map((t) => TYPE_WORDS.en[t] ?? t).join(" or ");
      add("schema.type", `${name.it}: tipo errato, atteso ${it}.`, `${name.en}: wrong type, expected ${en}.`);
      return; // follow-on errors would only repeat the type error (as on the server)
    }
  }

  if (Array.isArray(schema.enum) && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) {
    if (schema.enum.length === 1 && schema.enum[0] === true) {
      add("schema.enum", `${name.it}: selezionare la casella per confermare la dichiarazione.`, `${name.en}: tick the box to confirm the statement.`);
    } else {
      const words = (lang) => schema.enum.map((e) => (e === true ? (lang === "it" ? "sì" : "yes") : e === false ? "no" : JSON.stringify(e))).join(", ");
      add("schema.enum", `${name.it}: valore non ammesso (ammessi: ${words("it")}).`, `${name.en}: value not allowed (allowed: ${words("en")}).`);
    }
  }

  if (typeof value === "string") {
    const length = [...value].length;
    if (typeof schema.maxLength === "number" && length > schema.maxLength)
      add("schema.max-length", `${name.it}: al massimo ${schema.maxLength} caratteri (ne ha ${length}).`, `${name.en}: at most ${schema.maxLength} characters (it has ${length}).`);
    if (typeof schema.minLength === "number" && length < schema.minLength)
      add("schema.min-length", `${name.it}: almeno ${schema.minLength} caratteri.`, `${name.en}: at least ${schema.minLength} characters.`);
    if (typeof schema.pattern === "string" && !pattern(schema.pattern).test(value))
      add("schema.pattern", `${name.it}: ${patternInWords(schema.pattern, "it")}.`, `${name.en}: ${patternInWords(schema.pattern, "en")}.`);
    if (typeof schema.format === "string") {
      const check = checkFormat(schema.format, value);
      if (!check.valid)
        add("schema.format." + schema.format, `${name.it}: ${check.message?.it ?? "formato non valido"}`, `${name.en}: ${check.message?.en ?? "wrong format"}`);
    }
  }

  if (typeof value === "number") {
    if (typeof schema.maximum === "number" && value > schema.maximum)
      add("schema.maximum", `${name.it}: al massimo ${schema.maximum}.`, `${name.en}: at most ${schema.maximum}.`);
    if (typeof schema.minimum === "number" && value < schema.minimum)
      add("schema.minimum", `${name.it}: almeno ${schema.minimum}.`, `${name.en}: at least ${schema.minimum}.`);
  }

  if (Array.isArray(value)) {
    let items = value;
    if (typeof schema.maxItems === "number" && value.length > schema.maxItems) {
      add("schema.max-items", `${name.it}: troppi elementi (al massimo ${schema.maxItems}).`, `${name.en}: too many items (at most ${schema.maxItems}).`);
      items = value.slice(0, schema.maxItems); // as the server: report once, check the first maxItems
    }
    if (typeof schema.minItems === "number" && value.length < schema.minItems)
      add("schema.min-items", `${name.it}: troppo pochi elementi (almeno ${schema.minItems}).`, `${name.en}: too few items (at least ${schema.minItems}).`);
    if (schema.items && typeof schema.items === "object" && !Array.isArray(schema.items))
      items.forEach((item, i) => walk(root, schema.items, item, `${pointer}/${i}`, errors));
  }

  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const properties = schema.properties ?? {};
    for (const required of schema.required ?? []) {
      if (!Object.prototype.hasOwnProperty.call(value, required)) {
        const child = label(resolve(root, properties[required]), `${pointer}/${escape(required)}`);
        add("schema.required", `Campo obbligatorio mancante: ${child.it}.`, `Required field missing: ${child.en}.`, `${pointer}/${escape(required)}`);
      }
    }
    for (const [key, child] of Object.entries(value)) {
      const at = `${pointer}/${escape(key)}`;
      if (Object.prototype.hasOwnProperty.call(properties, key)) walk(root, properties[key], child, at, errors);
      else if (schema.additionalProperties === false)
        add("schema.unknown-field", `Il campo "${key}" non fa parte del modulo in questa versione.`, `Field "${key}" is not part of this version of the form.`, at);
      else if (schema.additionalProperties && typeof schema.additionalProperties === "object") walk(root, schema.additionalProperties, child, at, errors);
    }
  }
}
