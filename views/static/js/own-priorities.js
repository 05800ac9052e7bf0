// "My priorities" on an evaluation's page, re-ranked while the ratings change; the form works
// without this script (it submits to the page, which renders the same result). Each change asks
// the server, whose engine re-ranks (GET /evaluations/:id/priorities, the page's own query), and
// puts the answer's already formatted text into the table: this script computes no figure.

const form = document.getElementById('priorities-form');
const DEBOUNCE_MS = 120;

function cell(tag, text, className) {
  const node = document.createElement(tag);
  if (className !== undefined) node.className = className;
  node.textContent = text;
  return node;
}

function row(unit) {
  const tr = document.createElement('tr');
  tr.dataset.code = unit.code;
  tr.append(cell('td', unit.ownRank), cell('td', unit.publishedRank));
  const shift = document.createElement('td');
  shift.append(cell('span', unit.shift, `change change-${unit.direction}`));
  const name = document.createElement('th');
  name.scope = 'row';
  const link = cell('a', unit.name);
  link.href = unit.href;
  name.append(link);
  tr.append(shift, name, cell('td', unit.ownScore), cell('td', unit.publishedScore));
  return tr;
}

function show(id, text) {
  const node = document.getElementById(id);
  if (node === null) return;
  node.textContent = text ?? '';
  node.hidden = text === null || text === undefined || text === '';
}

let latest = 0;

async function rerank() {
  const asked = ++latest;
  const query = new URLSearchParams(new FormData(form));
  query.set('lang', document.documentElement.lang.startsWith('en') ? 'en' : 'zh');
  const response = await fetch(`${form.dataset.result}?${query.toString()}`, {
    headers: { accept: 'application/json' },
  });
  if (asked !== latest) return;
  const body = await response.text();
  if (asked !== latest) return;
  const result = document.getElementById('priorities-result');
  result.hidden = false;
  if (!response.ok) {
    // The server's error page, in the page's language: its sentence says what to change.
    const page = new DOMParser().parseFromString(body, 'text/html');
    show('priorities-problem', page.querySelector('.error-detail')?.textContent ?? String(response.status));
    for (const id of ['priorities-rho', 'priorities-weights', 'priorities-scoped', 'priorities-shown'])
      show(id, null);
    document.querySelector('#priorities-table tbody').replaceChildren();
    return;
  }
  const answer = JSON.parse(body);
  show('priorities-problem', null);
  show('priorities-rho', answer.rho);
  show('priorities-weights', answer.weights);
  show('priorities-scoped', answer.scoped);
  show('priorities-shown', answer.shown);
  document.querySelector('#priorities-table tbody').replaceChildren(...answer.rows.map(row));
  const page = new URL(window.location.href);
  for (const [name, value] of query) if (name !== 'lang') page.searchParams.set(name, value);
  history.replaceState(null, '', `${page.pathname}${page.search}#my-priorities`);
  result.dataset.updated = String(asked);
}

if (form !== null) {
  let timer;
  form.addEventListener('change', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void rerank(), DEBOUNCE_MS);
  });
}
