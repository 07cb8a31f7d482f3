// Italian identifier formats for JSON Schema "format": the same algorithms as
// src/StrategicCities.Core/Forms/Formats (C#), for portals and the embeddable validator widget.
// Standalone ES module, no dependencies. Each check returns { valid: true } or
// { valid: false, reason, message: { it, en } } with the reason codes of FormatReasons.cs.
//
//   import { formats, checkCodiceFiscale } from "./italian-formats.mjs";
//   for (const [name, isValid] of Object.entries(formats)) ajv.addFormat(name, { type: "string", validate: isValid });

const VALID = Object.freeze({ valid: true });
const invalid = (reason, it, en) => ({ valid: false, reason, message: { it, en } });
const isDigit = (c) => c >= "0" && c <= "9";
const isUpper = (c) => c >= "A" && c <= "Z";
const isLowerPresent = (s) => /[a-z]/.test(s);

// ---------------------------------------------------------------- codice fiscale
const MONTHS = "ABCDEHLMPRST";
const OMOCODIA = "LMNPQRSTUV";
const ODD_DIGITS = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21];
const ODD_LETTERS = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
const DIGIT_POSITIONS = [6, 7, 9, 10, 12, 13, 14];
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const empty = (what, it, en) => invalid("empty", `${it} è vuoto.`, `The ${en} is empty.`);

export function cfCheckCharacter(firstFifteen) {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = firstFifteen[i];
    const odd = i % 2 === 0; // 1-based odd positions
    if (isDigit(c)) sum += odd ? ODD_DIGITS[c.charCodeAt(0) - 48] : c.charCodeAt(0) - 48;
    else sum += odd ? ODD_LETTERS[c.charCodeAt(0) - 65] : c.charCodeAt(0) - 65;
  }
  return String.fromCharCode(65 + (sum % 26));
}

const digitValue = (c) => (isDigit(c) ? c.charCodeAt(0) - 48 : OMOCODIA.indexOf(c));

export function checkCodiceFiscalePerson(value) {
  if (typeof value !== "string" || value.trim() === "") return empty("cf", "Il codice fiscale", "codice fiscale");
  if (value.length !== 16)
    return invalid("length", `Il codice fiscale di una persona fisica deve avere 16 caratteri, non ${value.length}.`,
      `The codice fiscale of a natural person must have 16 characters, not ${value.length}.`);
  if (isLowerPresent(value))
    return invalid("lowercase", "Il codice fiscale va scritto in lettere maiuscole, come sulla tessera sanitaria.",
      "The codice fiscale must be written in capital letters, as on the health insurance card.");
  for (let i = 0; i < 16; i++) {
    const c = value[i];
    const ok = DIGIT_POSITIONS.includes(i) ? isDigit(c) || OMOCODIA.includes(c) : isUpper(c);
    if (!ok)
      return invalid("characters", `Carattere non ammesso in posizione ${i + 1} del codice fiscale: lo schema è AAAAAA00A00A000A.`,
        `Character not allowed at position ${i + 1} of the codice fiscale: the shape is AAAAAA00A00A000A.`);
  }
  const month = MONTHS.indexOf(value[8]);
  if (month < 0)
    return invalid("month", `La lettera del mese '${value[8]}' (posizione 9) non è valida: sono ammesse A B C D E H L M P R S T.`,
      `The month letter '${value[8]}' (position 9) is not valid: allowed are A B C D E H L M P R S T.`);
  const day = digitValue(value[9]) * 10 + digitValue(value[10]);
  const dayOfMonth = day > 40 ? day - 40 : day;
  const year = digitValue(value[6]) * 10 + digitValue(value[7]);
  // 29 February only in a year whose two digits are divisible by 4: the century is unknown (00 is 2000 or 1900).
  if (day < 1 || (day > 31 && day < 41) || day > 71 || dayOfMonth > DAYS_IN_MONTH[month] || (month === 1 && dayOfMonth === 29 && year % 4 !== 0))
    return invalid("day", "Il giorno di nascita (posizioni 10–11) non è valido per il mese: 1–31 per gli uomini, 41–71 per le donne.",
      "The day of birth (positions 10–11) is not valid for the month: 1–31 for men, 41–71 for women.");
  if (cfCheckCharacter(value.slice(0, 15)) !== value[15])
    return invalid("check-character", "Il carattere di controllo (ultima lettera) del codice fiscale non è corretto: verificare di averlo trascritto bene.",
      "The check character (last letter) of the codice fiscale is wrong: please check it was copied correctly.");
  return VALID;
}

export function checkCodiceFiscale(value) {
  if (typeof value !== "string" || value.trim() === "") return empty("cf", "Il codice fiscale", "codice fiscale");
  if (value.length === 11 && /^[0-9]{11}$/.test(value)) return checkPartitaIva(value);
  if (value.length !== 16)
    return invalid("length", `Il codice fiscale deve avere 16 caratteri (persona fisica) o 11 cifre (persona giuridica), non ${value.length}.`,
      `The codice fiscale must have 16 characters (natural person) or 11 digits (legal person), not ${value.length}.`);
  return checkCodiceFiscalePerson(value);
}

// ---------------------------------------------------------------- partita IVA
export function pivaCheckDigit(firstTen) {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = firstTen.charCodeAt(i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

const knownOffice = (o) => (o >= 1 && o <= 100) || o === 120 || o === 121 || o === 888 || o === 999;

export function checkPartitaIva(value) {
  if (typeof value !== "string" || value.trim() === "") return invalid("empty", "La partita IVA è vuota.", "The partita IVA is empty.");
  if (value.length !== 11)
    return invalid("length", `La partita IVA deve avere 11 cifre, non ${value.length} caratteri (senza prefisso IT né spazi).`,
      `The partita IVA must have 11 digits, not ${value.length} characters (no IT prefix, no spaces).`);
  if (!/^[0-9]{11}$/.test(value)) return invalid("characters", "La partita IVA può contenere solo cifre.", "The partita IVA may contain digits only.");
  if (value.startsWith("0000000"))
    return invalid("matricola", "Le prime 7 cifre (matricola) della partita IVA non possono essere tutte zero.",
      "The first 7 digits (matricola) of the partita IVA cannot all be zero.");
  const office = Number(value.slice(7, 10));
  if (!knownOffice(office))
    return invalid("office-code", `Il codice ufficio ${value.slice(7, 10)} (cifre 8–10) non è valido per una partita IVA.`,
      `The office code ${value.slice(7, 10)} (digits 8–10) is not valid for a partita IVA.`);
  if (pivaCheckDigit(value.slice(0, 10)) !== value[10])
    return invalid("check-character", "La cifra di controllo della partita IVA non è corretta: verificare di averla trascritta bene.",
      "The check digit of the partita IVA is wrong: please check it was copied correctly.");
  return VALID;
}

// ---------------------------------------------------------------- ISTAT municipality code
// The server also checks the code against the ISTAT registry; a portal may pass its own lookup.
export function checkIstatComune(value, exists) {
  if (typeof value !== "string" || value.trim() === "") return invalid("empty", "Il codice ISTAT del comune è vuoto.", "The ISTAT municipality code is empty.");
  if (value.length !== 6)
    return invalid("length", `Il codice ISTAT del comune deve avere 6 cifre (con gli zeri iniziali, es. 015146), non ${value.length}.`,
      `The ISTAT municipality code must have 6 digits (with leading zeros, e.g. 015146), not ${value.length}.`);
  if (!/^[0-9]{6}$/.test(value)) return invalid("characters", "Il codice ISTAT del comune può contenere solo cifre.", "The ISTAT municipality code may contain digits only.");
  const province = Number(value.slice(0, 3));
  if (province < 1 || province > 199)
    return invalid("province", `Il codice provincia ${value.slice(0, 3)} (prime tre cifre) non è valido per un comune: va da 001 a 199.`,
      `The province code ${value.slice(0, 3)} (first three digits) is not valid for a municipality: it runs from 001 to 199.`);
  if (value.endsWith("000"))
    return invalid("sequence", "Il numero del comune nella provincia (ultime tre cifre) non può essere 000.",
      "The number of the municipality within the province (last three digits) cannot be 000.");
  if (typeof exists === "function" && !exists(value))
    return invalid("unknown", `Il comune con codice ISTAT ${value} non risulta nell'elenco dei comuni.`, `No municipality with ISTAT code ${value} is in the register.`);
  return VALID;
}

// ---------------------------------------------------------------- cadastral reference
const isNumber = (s, maxDigits) => s.length >= 1 && s.length <= maxDigits && s[0] !== "0" && /^[0-9]+$/.test(s);

export function checkCadastralReference(value) {
  if (typeof value !== "string" || value.trim() === "") return invalid("empty", "Il riferimento catastale è vuoto.", "The cadastral reference is empty.");
  if (isLowerPresent(value))
    return invalid("lowercase", "Il riferimento catastale va scritto in lettere maiuscole, es. F205:12A/345/7.",
      "The cadastral reference must be written in capital letters, e.g. F205:12A/345/7.");
  const colon = value.indexOf(":");
  const parts = colon < 0 ? [] : value.slice(colon + 1).split("/");
  if (colon < 0 || parts.length < 2 || parts.length > 3)
    return invalid("syntax", "Il riferimento catastale deve avere la forma COMUNE:FOGLIO/PARTICELLA[/SUBALTERNO], es. F205:12/345/7.",
      "The cadastral reference must have the form MUNICIPALITY:SHEET/PARCEL[/UNIT], e.g. F205:12/345/7.");
  const belfiore = value.slice(0, colon);
  if (!/^[A-Z][0-9]{3}$/.test(belfiore))
    return invalid("belfiore", "Il codice catastale del comune deve essere una lettera seguita da 3 cifre, es. F205.",
      "The cadastral code of the municipality must be a letter followed by 3 digits, e.g. F205.");
  let foglio = parts[0];
  if (foglio.length > 0 && isUpper(foglio[foglio.length - 1])) foglio = foglio.slice(0, -1); // the allegato letter
  if (!isNumber(foglio, 4))
    return invalid("foglio", "Il foglio deve essere un numero da 1 a 4 cifre senza zeri iniziali, eventualmente seguito dalla lettera dell'allegato (es. 12 o 12A).",
      "The sheet (foglio) must be a number of 1 to 4 digits without leading zeros, optionally followed by an allegato letter (e.g. 12 or 12A).");
  const particella = parts[1];
  const alphanumeric = particella.length >= 1 && particella.length <= 5 && isUpper(particella[0]) && /^[A-Z0-9]+$/.test(particella);
  if (!alphanumeric && !isNumber(particella, 5))
    return invalid("particella", "La particella deve essere un numero da 1 a 5 cifre senza zeri iniziali, oppure un codice di al massimo 5 caratteri che inizia con una lettera.",
      "The parcel (particella) must be a number of 1 to 5 digits without leading zeros, or a code of at most 5 characters starting with a letter.");
  if (parts.length === 3 && !isNumber(parts[2], 4))
    return invalid("subalterno", "Il subalterno deve essere un numero da 1 a 4 cifre senza zeri iniziali.",
      "The unit (subalterno) must be a number of 1 to 4 digits without leading zeros.");
  return VALID;
}

// ---------------------------------------------------------------- PEC
const LOCAL_SPECIALS = "!#$%&'*+/=?^_`{|}~-";
const isAsciiAlnum = (c) => /^[A-Za-z0-9]$/.test(c);

function isLocalPart(local) {
  if (local.length < 1 || local.length > 64 || local[0] === "." || local[local.length - 1] === "." || local.includes("..")) return false;
  for (const c of local) if (!isAsciiAlnum(c) && c !== "." && !LOCAL_SPECIALS.includes(c)) return false;
  return true;
}

function isDomain(domain) {
  const labels = domain.split(".");
  for (const label of labels) {
    if (label.length < 1 || label.length > 63 || label[0] === "-" || label[label.length - 1] === "-") return false;
    for (const c of label) if (!isAsciiAlnum(c) && c !== "-") return false;
  }
  const last = labels[labels.length - 1];
  return labels.length >= 2 && last.length >= 2 && /^[A-Za-z]+$/.test(last);
}

export function checkPec(value) {
  if (typeof value !== "string" || value.trim() === "") return invalid("empty", "L'indirizzo PEC è vuoto.", "The PEC address is empty.");
  if (value.length > 254) return invalid("length", "L'indirizzo PEC può avere al massimo 254 caratteri.", "The PEC address may have at most 254 characters.");
  const at = value.indexOf("@");
  // eslint-disable-next-line no-control-regex
  if (at < 0 || at !== value.lastIndexOf("@") || /[\s\u0000-\u001f\u007f]|[^\u0000-\u007f]/.test(value))
    return invalid("syntax", "L'indirizzo PEC deve avere la forma nome@dominio.it, con una sola @ e senza spazi.",
      "The PEC address must have the form name@domain.it, with a single @ and no spaces.");
  if (!isLocalPart(value.slice(0, at)))
    return invalid("local-part", "La parte prima della @ dell'indirizzo PEC non è valida.", "The part before the @ of the PEC address is not valid.");
  if (!isDomain(value.slice(at + 1)))
    return invalid("domain", "Il dominio dopo la @ dell'indirizzo PEC non è valido (es. pec.comune.milano.it).",
      "The domain after the @ of the PEC address is not valid (e.g. pec.comune.milano.it).");
  return VALID;
}

/** Format name → (value) => boolean, ready for ajv.addFormat or any JSON Schema validator. */
export const formats = Object.freeze({
  "codice-fiscale": (v) => checkCodiceFiscale(v).valid,
  "partita-iva": (v) => checkPartitaIva(v).valid,
  "istat-comune": (v) => checkIstatComune(v).valid,
  "cadastral-ref": (v) => checkCadastralReference(v).valid,
  pec: (v) => checkPec(v).valid,
});

/** Format name → (value) => check result with reason and it/en message. */
export const checks = Object.freeze({
  "codice-fiscale": checkCodiceFiscale,
  "partita-iva": checkPartitaIva,
  "istat-comune": checkIstatComune,
  "cadastral-ref": checkCadastralReference,
  pec: checkPec,
});
