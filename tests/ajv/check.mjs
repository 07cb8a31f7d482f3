// Cross-implementation check of the published form schemas (DESIGN.md §5):
//  1. every schema under schemas/common, schemas/forms and schemas/municipalities compiles in Ajv strict mode;
//  2. Ajv's verdict on every example (schemas/forms/<form>/examples/<version>/{valid,invalid}/*.json) is the
//     expected one (valid for the invalid examples of checks beyond the schema, whose names do not start with
//     "schema."), and equals the server's (NJsonSchema) schema verdict written by the NUnit test
//     FormExamplesTests to artifacts/form-verdicts.json;
//  3. the server's verdicts on generated mutations of the valid examples, against the schemas merged for Milano and Roma;
//  4. the server's reading of every schema pattern against JavaScript's RegExp ("u" flag);
//  5. the widget's date and e-mail checks and the JS Italian formats against the server's verdicts on edge values.
// Run: cd tests/ajv && npm ci && node check.mjs   (after `dotnet test`, which writes the verdicts)
import { readFileSync, readdirSync, existsSync, statSync, writeFileSync } from "node:fs";
import { join, relative, dirname, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { formats } from "../../schemas/formats/italian-formats.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const schemasDir = join(root, "schemas");
const verdictsFile = process.env.FORM_VERDICTS ?? join(root, "artifacts", "form-verdicts.json");

function makeAjv() {
  const instance = new Ajv({ strict: true, allErrors: true });
  addFormats(instance, ["date", "email"]);
  for (const [name, validate] of Object.entries(formats)) instance.addFormat(name, { type: "string", validate });
  // Annotation keywords of our bilingual convention and of the versioning header (see rules/national/forms/NOTES.md).
  for (const keyword of ["x-title-en", "x-description-en", "x-form", "x-version", "x-valid-from", "x-valid-to",
    "x-municipality", "x-extension-point", "x-municipal-extension", "x-enum-titles", "x-enum-titles-en"]) {
    instance.addKeyword({ keyword });
  }
  return instance;
}
const ajv = makeAjv();

const walk = (dir) => (existsSync(dir) ? readdirSync(dir).flatMap((name) => {
  const full = join(dir, name);
  return statSync(full).isDirectory() ? walk(full) : [full];
}) : []);
const rel = (file) => relative(schemasDir, file).split(sep).join("/");
const readJson = (file) => JSON.parse(readFileSync(file, "utf8"));

const failures = [];
const schemaFiles = ["common", "forms", "municipalities"]
  .flatMap((d) => walk(join(schemasDir, d)))
  .filter((f) => f.endsWith(".schema.json"))
  .sort();
for (const file of schemaFiles) ajv.addSchema(readJson(file));
for (const file of schemaFiles) {
  try {
    ajv.getSchema(readJson(file).$id);
  } catch (error) {
    failures.push(`${rel(file)}: does not compile in strict mode: ${error.message}`);
  }
}

// The schemas as the server serves them (bundled and merged), written by the same NUnit test.
const servedDir = join(dirname(verdictsFile), "served-schemas");
const served = walk(servedDir).filter((f) => f.endsWith(".json")).sort();
for (const file of served) {
  try {
    const schema = readJson(file);
    makeAjv().compile(schema); // one instance each: the unmerged variants share their national $id
  } catch (error) {
    failures.push(`served ${relative(root, file)}: does not compile in strict mode: ${error.message}`);
  }
}

const server = existsSync(verdictsFile) ? readJson(verdictsFile) : null;
if (server === null) failures.push(`${verdictsFile} is missing: run 'dotnet test' first (FormExamplesTests writes it)`);

let examples = 0;
for (const file of walk(join(schemasDir, "forms")).filter((f) => /[\\/]examples[\\/]/.test(f) && f.endsWith(".json")).sort()) {
  const parts = rel(file).split("/"); // forms/<form>/examples/<version>/<kind>/<file>
  const [, form, , version, kind] = parts;
  const validate = ajv.getSchema(`https://strategiccities.example/schemas/forms/${form}/${version}.schema.json`);
  if (!validate) {
    failures.push(`${rel(file)}: no schema for ${form} ${version}`);
    continue;
  }
  examples++;
  const ajvValid = validate(readJson(file));
  // An invalid example of a check beyond the schema (form.regime-mismatch--…, form.location-mismatch--…) passes the
  // schema: the server's full validation refuses it (FormExamples), and its schema verdict, compared here, is valid.
  const beyondSchema = kind === "invalid" && !parts[parts.length - 1].startsWith("schema.");
  const expected = kind === "valid" || beyondSchema;
  if (ajvValid !== expected) {
    failures.push(`${rel(file)}: Ajv says ${ajvValid ? "valid" : "invalid"}, expected ${kind}` +
      (ajvValid ? "" : `: ${ajv.errorsText(validate.errors)}`));
  }
  if (server !== null && server[rel(file)] !== ajvValid) {
    failures.push(`${rel(file)}: Ajv says ${ajvValid ? "valid" : "invalid"}, the server says ${server[rel(file)] === undefined ? "nothing" : server[rel(file)] ? "valid" : "invalid"}`);
  }
}

// The JS formats must give the C# verdicts (vectors from tests/StrategicCities.Core.Tests/Forms/Formats).
const vectors = [
  ["codice-fiscale", "RSSMRA85T10A562S", true], ["codice-fiscale", "BNCNNA90E50F205G", true], ["codice-fiscale", "RSSMRA85T10A56NH", true],
  ["codice-fiscale", "RSSMRA85T10A562T", false], ["codice-fiscale", "RSSMRA85T32A562S", false], ["codice-fiscale", "RSSMRA85B30A562S", false],
  ["codice-fiscale", "rssmra85t10a562s", false], ["codice-fiscale", "01199250158", true], ["codice-fiscale", "01199250159", false],
  ["partita-iva", "01199250158", true], ["partita-iva", "00743110157", true], ["partita-iva", "00000000000", false],
  ["partita-iva", "01199250159", false], ["partita-iva", "IT01199250158", false], ["partita-iva", "01199252003", false],
  ["istat-comune", "015146", true], ["istat-comune", "000146", false], ["istat-comune", "015000", false], ["istat-comune", "15146", false],
  ["cadastral-ref", "F205:12/345/7", true], ["cadastral-ref", "H501:1234A/12345/1234", true], ["cadastral-ref", "A562:3/B12", true],
  ["cadastral-ref", "F205:012/345", false], ["cadastral-ref", "F205:12/345/", false], ["cadastral-ref", "f205:12/345", false],
  ["pec", "mario.rossi@pec.it", true], ["pec", "Mario.Rossi@PEC.Ordine-Ingegneri.it", true], ["pec", ".mario@pec.it", false],
  ["pec", "mario@@pec.it", false], ["pec", "mario@pec", false],
];
for (const [format, value, expected] of vectors) {
  if (formats[format](value) !== expected) failures.push(`format ${format}: '${value}' should be ${expected ? "valid" : "invalid"}`);
}

// 3. Generated mutations of the valid examples (a member dropped, a wrong type, astral characters at and past a length
//    bound, a final newline after a patterned value, an integer written 1.0 or 1e0, a fraction), against the schemas as
//    merged for the municipalities that extend them: Ajv's verdict must be the server's (CompiledSchema), written by
//    the NUnit test AjvAgreementArtifactsTests to artifacts/form-mutations.json.
const artifacts = dirname(verdictsFile);
const readArtifact = (name) => {
  const file = join(artifacts, name);
  if (existsSync(file)) return readJson(file);
  failures.push(`${file} is missing: run 'dotnet test' first (AjvAgreementArtifactsTests and EcmaPatternTests write it)`);
  return [];
};
const unescape = (part) => part.replace(/~1/g, "/").replace(/~0/g, "~");
const compiledServed = new Map();
const mutationKinds = new Map();
let mutations = 0;
for (const m of readArtifact("form-mutations.json")) {
  let validate = compiledServed.get(m.schema);
  if (!validate) {
    validate = makeAjv().compile(readJson(join(servedDir, m.schema)));
    compiledServed.set(m.schema, validate);
  }
  const document = readJson(join(schemasDir, m.example));
  const parts = m.pointer.split("/").slice(1).map(unescape);
  const parent = parts.slice(0, -1).reduce((node, part) => node[part], document);
  const last = parts[parts.length - 1];
  if (m.remove) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1); else delete parent[last];
  } else {
    parent[last] = m.value;
  }
  const ajvValid = validate(document);
  mutations++;
  mutationKinds.set(m.kind, (mutationKinds.get(m.kind) ?? 0) + 1);
  if (ajvValid !== m.valid) {
    failures.push(`${m.schema} ${m.example} ${m.kind} at ${m.pointer}: Ajv says ${ajvValid ? "valid" : "invalid"}, the server says ${m.valid ? "valid" : "invalid"}` +
      (ajvValid ? "" : `: ${ajv.errorsText(validate.errors)}`));
  }
}

// 4. Every schema pattern: the server's ECMA-262 reading (EcmaPattern, SimplePattern) against JavaScript's RegExp with
//    the "u" flag, as Ajv and the widget compile it, on generated strings (artifacts/pattern-verdicts.json).
const regexps = new Map();
let patternChecks = 0;
for (const { pattern, input, match } of readArtifact("pattern-verdicts.json")) {
  if (!regexps.has(pattern)) regexps.set(pattern, new RegExp(pattern, "u"));
  patternChecks++;
  if (regexps.get(pattern).test(input) !== match) {
    failures.push(`pattern ${pattern} on ${JSON.stringify(input)}: JavaScript says ${!match}, the server says ${match}`);
  }
}

// 5. The widget's date and e-mail checks and the JS Italian formats against the server's verdicts on edge values
//    (artifacts/format-verdicts.json). validation.mjs imports "./italian-formats.mjs", which the API serves from
//    schemas/formats: a copy beside it here points the import there.
const widgetDir = join(root, "src", "StrategicCities.Api", "Widget");
const copy = join(artifacts, "widget-validation.mjs");
writeFileSync(copy, readFileSync(join(widgetDir, "validation.mjs"), "utf8")
  .replace("./italian-formats.mjs", pathToFileURL(join(schemasDir, "formats", "italian-formats.mjs")).href));
const widget = await import(pathToFileURL(copy).href);
let formatChecks = 0;
for (const { format, value, valid } of readArtifact("format-verdicts.json")) {
  formatChecks++;
  const widgetValid = widget.checkFormat(format, value).valid;
  if (widgetValid !== valid) failures.push(`widget format ${format}: '${value}' is ${widgetValid ? "valid" : "invalid"} to the widget, ${valid ? "valid" : "invalid"} to the server`);
  if (formats[format] && formats[format](value) !== valid) failures.push(`format ${format} (italian-formats.mjs): '${value}' should be ${valid ? "valid" : "invalid"}`);
}

for (const line of failures) console.log(`FAIL ${line}`);
console.log(`${schemaFiles.length} schema(s) and ${served.length} served schema(s) compiled, ${examples} example(s) checked, ` +
  `${mutations} mutation(s) of merged municipal schemas (${[...mutationKinds].map(([k, n]) => `${k} ${n}`).join(", ")}), ` +
  `${patternChecks} pattern verdict(s), ${formatChecks} format verdict(s), ${failures.length} problem(s)`);
process.exit(failures.length === 0 ? 0 : 1);
