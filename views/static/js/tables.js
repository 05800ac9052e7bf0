// Progressive enhancement of report tables; every page also works without this script.
// 1. Filter forms submit themselves when a select changes (data-autosubmit).
// 2. Tables marked data-client-sort sort in place when a column heading is clicked, by the
//    cells' data-value (numbers; empty values last) or their text, instead of reloading the page.

for (const form of document.querySelectorAll('form[data-autosubmit]')) {
  for (const select of form.querySelectorAll('select')) {
    select.addEventListener('change', () => form.requestSubmit());
  }
}

function cellValue(row, column) {
  const cell = row.cells[column];
  if (cell === undefined) return { number: Number.NaN, text: '' };
  const raw = cell.dataset.value;
  return {
    number: raw === undefined || raw === '' ? Number.NaN : Number(raw),
    text: cell.textContent.trim(),
  };
}

function sortRows(table, column, dir) {
  const body = table.tBodies[0];
  if (body === undefined) return;
  const numeric = [...body.rows].some((row) => row.cells[column]?.dataset.value !== undefined);
  const sign = dir === 'asc' ? 1 : -1;
  const collator = new Intl.Collator(document.documentElement.lang);
  const rows = [...body.rows].sort((a, b) => {
    const x = cellValue(a, column);
    const y = cellValue(b, column);
    if (!numeric) return sign * collator.compare(x.text, y.text);
    if (Number.isNaN(x.number)) return Number.isNaN(y.number) ? 0 : 1;
    if (Number.isNaN(y.number)) return -1;
    return sign * (x.number - y.number);
  });
  body.append(...rows);
}

for (const table of document.querySelectorAll('table[data-client-sort]')) {
  const headings = [...table.querySelectorAll('thead th')];
  headings.forEach((th, column) => {
    const link = th.querySelector('a');
    if (link === null) return;
    link.addEventListener('click', (event) => {
      event.preventDefault();
      const current = th.getAttribute('aria-sort');
      const natural = th.dataset.natural === 'asc' ? 'asc' : 'desc';
      const dir = current === 'none' || current === null ? natural : current === 'ascending' ? 'desc' : 'asc';
      for (const other of headings) {
        other.setAttribute('aria-sort', 'none');
        const arrow = other.querySelector('.arrow');
        if (arrow !== null) arrow.textContent = '';
      }
      th.setAttribute('aria-sort', dir === 'asc' ? 'ascending' : 'descending');
      const arrow = th.querySelector('.arrow');
      if (arrow !== null) arrow.textContent = dir === 'asc' ? '▲' : '▼';
      sortRows(table, column, dir);
    });
  });
}
