// The monitoring dashboard: asks the statistics API for the three server-rendered SVG charts with the supervisor
// key (from ?key= or the form, kept in sessionStorage only), and inserts them as parsed SVG nodes (no innerHTML,
// no inline script: works under the page's strict CSP). Under each chart, a table of the same figures (read from
// the bars' data attributes) is the charts' text equivalent.
const storageKey = 'strategiccities.dashboard.key';
const form = document.getElementById('filters');
const status = document.getElementById('status');
const alertBox = document.getElementById('error');
const fields = ['office', 'municipality', 'from', 'to'];
const categoryHeader = { backlog: ['Mese', 'month'], durations: ['Giorni', 'days'], compliance: ['Comune', 'municipality'] };

/** Italian text, then its English translation marked as such (the page is Italian). */
function bilingual(it, en) {
  const span = document.createElement('span');
  span.lang = 'en';
  span.textContent = en;
  return [`${it} / `, span];
}

function say(it, en) {
  status.replaceChildren(...bilingual(it, en));
}

function fail(it, en) {
  status.replaceChildren();
  alertBox.replaceChildren(...bilingual(it, en));
}

function fieldError(id, it, en) {
  const input = document.getElementById(id);
  const message = document.getElementById(`${id}-error`);
  if (it) {
    message.replaceChildren(...bilingual(it, en));
    input.setAttribute('aria-invalid', 'true');
  } else {
    message.replaceChildren();
    input.removeAttribute('aria-invalid');
  }
}

/** Charts and tables of a previous key or filter never stay on screen beside an error. */
function clearCharts() {
  for (const chart of document.querySelectorAll('.chart, .figures')) chart.replaceChildren();
}

async function loadChart(container, key, query) {
  const response = await fetch(`/api/v1/stats/charts/${container.dataset.chart}.svg?${query}`, {
    headers: { 'X-Api-Key': key, 'Accept': 'image/svg+xml, application/problem+json', 'Accept-Language': 'it' },
  });
  if (!response.ok) {
    let detail = `HTTP ${response.status}`;
    try { detail = (await response.json()).detail ?? detail; } catch { /* not a problem body */ }
    throw new Error(detail);
  }
  const doc = new DOMParser().parseFromString(await response.text(), 'image/svg+xml');
  const svg = doc.documentElement;
  if (svg.nodeName !== 'svg') throw new Error('not an SVG chart');
  container.replaceChildren(document.importNode(svg, true));
  figures(container);
}

/** The table of the figures of one chart: a row per category, a column per series. */
function figures(container) {
  const bars = [...container.querySelectorAll('rect.bar')];
  const series = [...new Set(bars.map(b => b.dataset.series))];
  const labels = [...new Set(bars.map(b => b.dataset.label))];
  const value = new Map(bars.map(b => [`${b.dataset.label}\u0000${b.dataset.series}`, b.dataset.value]));
  const table = document.createElement('table');
  const caption = document.createElement('caption');
  caption.append(...document.getElementById(`${container.id}-title`).cloneNode(true).childNodes);
  const head = document.createElement('tr');
  const [it, en] = categoryHeader[container.dataset.chart] ?? ['Voce', 'item'];
  const corner = document.createElement('th');
  corner.scope = 'col';
  corner.append(...bilingual(it, en));
  head.append(corner, ...series.map(name => Object.assign(document.createElement('th'), { scope: 'col', textContent: name })));
  const body = document.createElement('tbody');
  for (const label of labels) {
    const row = document.createElement('tr');
    row.append(Object.assign(document.createElement('th'), { scope: 'row', textContent: label }),
      ...series.map(name => Object.assign(document.createElement('td'), { textContent: value.get(`${label}\u0000${name}`) ?? '' })));
    body.append(row);
  }
  const thead = document.createElement('thead');
  thead.append(head);
  table.append(caption, thead, body);
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.append(...bilingual('Tabella dei dati', 'data table'));
  details.append(summary, labels.length > 0 ? table : Object.assign(document.createElement('p'), { textContent: 'Nessun dato / No data' }));
  document.querySelector(`.figures[data-for='${container.id}']`).replaceChildren(details);
}

/** Our own words for the filters the browser would otherwise judge (WCAG 3.3.1, 3.3.3). */
function checkFilters(key) {
  fieldError('key', '', '');
  fieldError('municipality', '', '');
  if (!key) {
    fieldError('key', 'Inserire la chiave API di un supervisore', 'enter a supervisor API key');
    return 'key';
  }
  const municipality = document.getElementById('municipality').value.trim();
  if (municipality && !/^[0-9]{6}$/.test(municipality)) {
    fieldError('municipality', 'Il codice ISTAT del comune ha 6 cifre, per esempio 015146 (Milano)',
      'the ISTAT code of a municipality has 6 digits, for example 015146 (Milano)');
    return 'municipality';
  }
  return null;
}

async function refresh() {
  const key = document.getElementById('key').value.trim();
  alertBox.replaceChildren();
  const wrong = checkFilters(key);
  if (wrong) {
    say('Correggere il campo indicato', 'fix the field shown');
    document.getElementById(wrong).focus();
    document.body.dataset.loaded = 'invalid';
    return;
  }
  sessionStorage.setItem(storageKey, key);
  const params = new URLSearchParams();
  for (const name of fields) {
    const value = document.getElementById(name).value.trim();
    if (value) params.set(name, value);
  }
  const query = params.toString();
  say('Caricamento…', 'loading…');
  document.body.dataset.loaded = 'false';
  try {
    await Promise.all([...document.querySelectorAll('.chart')].map(c => loadChart(c, key, query)));
    if (query) say(`Filtri: ${query}`, `filters: ${query}`);
    else say('Tutti i dati nel proprio ambito', 'all data in your scope');
    document.body.dataset.loaded = 'true';
    document.body.dataset.query = query;
  } catch (error) {
    clearCharts();
    fail(`Errore: ${error.message}`, 'the charts could not be loaded: check the key and the filters');
    document.body.dataset.loaded = 'error';
  }
}

form.addEventListener('submit', event => {
  event.preventDefault();
  refresh();
});

const url = new URL(window.location.href);
const fromUrl = url.searchParams.get('key');
if (fromUrl) {
  // Keep the key out of the address bar and the history once read.
  sessionStorage.setItem(storageKey, fromUrl);
  url.searchParams.delete('key');
  history.replaceState(null, '', url.pathname + url.search);
}
for (const name of fields) {
  const value = url.searchParams.get(name);
  if (value) document.getElementById(name).value = value;
}
const stored = sessionStorage.getItem(storageKey);
if (stored) {
  document.getElementById('key').value = stored;
  refresh();
}
