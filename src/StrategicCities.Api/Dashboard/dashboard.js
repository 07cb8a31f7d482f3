// The monitoring dashboard: asks the statistics API for the three server-rendered SVG charts with the supervisor
// key (from ?key= or the form, kept in sessionStorage only), and inserts them as parsed SVG nodes (no innerHTML,
// no inline script: works under the page's strict CSP).
const storageKey = 'strategiccities.dashboard.key';
const form = document.getElementById('filters');
const status = document.getElementById('status');
const fields = ['office', 'municipality', 'from', 'to'];

function say(text, error = false) {
  status.textContent = text;
  status.classList.toggle('error', error);
}

async function loadChart(container, key, query) {
  const response = await fetch(`/api/v1/stats/charts/${container.dataset.chart}.svg?${query}`, {
    headers: { 'X-Api-Key': key, 'Accept': 'image/svg+xml, application/problem+json' },
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
}

async function refresh() {
  const key = document.getElementById('key').value.trim();
  if (!key) {
    say('Inserire la chiave API di un supervisore. / Enter a supervisor API key.', true);
    return;
  }
  sessionStorage.setItem(storageKey, key);
  const params = new URLSearchParams();
  for (const name of fields) {
    const value = document.getElementById(name).value.trim();
    if (value) params.set(name, value);
  }
  const query = params.toString();
  say('Caricamento… / loading…');
  document.body.dataset.loaded = 'false';
  try {
    await Promise.all([...document.querySelectorAll('.chart')].map(c => loadChart(c, key, query)));
    say(query ? `Filtri: ${query}` : 'Tutti i dati nel proprio ambito. / All data in your scope.');
    document.body.dataset.loaded = 'true';
    document.body.dataset.query = query;
  } catch (error) {
    say(`Errore: ${error.message}`, true);
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
