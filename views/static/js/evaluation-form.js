// The evaluation form's live AHP check; the form works without this script (the "check
// consistency" button asks the server instead). While the evaluator types a comparison, the
// reciprocal cell shows its inverse and the server's engine reports the consistency ratio and the
// weights of that matrix (GET /evaluations/new/consistency), shown under the table.

const form = document.getElementById('evaluation-form');

function reciprocal(typed) {
  const text = typed.trim();
  const fraction = /^([0-9.]+)\s*\/\s*([0-9.]+)$/.exec(text);
  if (fraction !== null) return fraction[1] === '1' ? fraction[2] : `${fraction[2]}/${fraction[1]}`;
  return text === '' || text === '1' ? text : `1/${text}`;
}

function upperCells(node) {
  return [...node.querySelectorAll('input[name^="ahp."]')].filter(
    (input) => !input.name.startsWith('ahp.use.'),
  );
}

async function check(node) {
  const cells = upperCells(node);
  for (const input of cells) {
    const [, id, i, j] = input.name.split('.');
    const mirror = node.querySelector(`[data-cell="ahp.${id}.${j}.${i}"]`);
    if (mirror !== null) mirror.textContent = reciprocal(input.value);
  }
  const query = new URLSearchParams({
    framework: form.dataset.framework ?? '',
    node: node.dataset.node ?? '',
    cells: cells.map((input) => input.value.trim()).join(','),
    lang: document.documentElement.lang.startsWith('en') ? 'en' : 'zh',
  });
  const response = await fetch(`/evaluations/new/consistency?${query.toString()}`, {
    headers: { accept: 'application/json' },
  });
  if (!response.ok) return;
  const view = await response.json();
  const line = node.querySelector('.consistency');
  if (line !== null) {
    line.textContent = view.text;
    line.classList.toggle('failed', view.bad);
  }
  let weights = node.querySelector('.ahp-weights');
  if (weights === null) {
    weights = document.createElement('p');
    weights.className = 'note ahp-weights';
    line?.after(weights);
  }
  weights.textContent = view.weights.map((w) => `${w.name} ${w.share}`).join('、');
}

if (form !== null) {
  for (const node of form.querySelectorAll('.ahp-node')) {
    let timer;
    node.addEventListener('input', (event) => {
      if (!(event.target instanceof HTMLInputElement) || event.target.type !== 'text') return;
      clearTimeout(timer);
      timer = setTimeout(() => void check(node), 250);
    });
  }
}
