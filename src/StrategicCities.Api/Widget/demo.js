// Demo portal: embeds <permit-form> for SCIA in Milano, switches language, logs the widget's events.
// Query parameters (for trying things out): lang, form, municipality, date, endpoint, api-key.
const form = document.getElementById("permit");
const params = new URLSearchParams(location.search);
for (const name of ["form", "municipality", "date", "endpoint", "api-key", "lang"]) {
  if (params.has(name)) form.setAttribute(name, params.get(name));
}

const log = document.getElementById("log");
window.permitEvents = [];
for (const type of ["permit-form:valid", "permit-form:submit"]) {
  form.addEventListener(type, (event) => {
    window.permitEvents.push({ type, detail: event.detail });
    const item = document.createElement("li");
    item.textContent = `${new Date().toLocaleTimeString()} ${type}\n${JSON.stringify(event.detail).slice(0, 400)}`;
    log.prepend(item);
  });
}

function setLang(lang) {
  form.setAttribute("lang", lang);
  document.documentElement.lang = lang;
  document.getElementById("lang-it").setAttribute("aria-pressed", String(lang === "it"));
  document.getElementById("lang-en").setAttribute("aria-pressed", String(lang === "en"));
  document.getElementById("demo-title").textContent = lang === "en"
    ? "Building permits desk – Municipality of Milano (demo)"
    : "Sportello Unico Edilizia – Comune di Milano (demo)";
  document.title = lang === "en" ? "Demo portal – SCIA, Municipality of Milano" : "Portale demo – SCIA, Comune di Milano";
  document.getElementById("lang-nav").setAttribute("aria-label", lang === "en" ? "Language" : "Lingua");
}
document.getElementById("lang-it").addEventListener("click", () => setLang("it"));
document.getElementById("lang-en").addEventListener("click", () => setLang("en"));
setLang(form.getAttribute("lang") ?? "it");
