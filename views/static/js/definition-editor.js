// Keeps each definition file's form and its JSON text in step on the workbench's draft page; the
// page works without this script (each "save" button sends its own side, and the server applies
// the form to the JSON). Typing in a form field writes its value at its JSON pointer into the
// text; typing valid JSON into the text fills the form fields from it. The server makes the same
// translation (server/indicators/definition-form.ts) when the form is saved.

function segments(pointer) {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function isRecord(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function valueAt(root, pointer) {
  let at = root;
  for (const key of segments(pointer)) {
    if (Array.isArray(at)) at = at[Number(key)];
    else if (isRecord(at)) at = at[key];
    else return undefined;
  }
  return at;
}

function setAt(root, pointer, value) {
  const keys = segments(pointer);
  const last = keys.pop();
  let at = root;
  for (const key of keys) {
    const next = Array.isArray(at) ? at[Number(key)] : at[key];
    if (next !== null && typeof next === 'object') at = next;
    else {
      if (value === undefined) return;
      const made = {};
      if (Array.isArray(at)) at[Number(key)] = made;
      else at[key] = made;
      at = made;
    }
  }
  if (Array.isArray(at)) {
    if (value === undefined) at.splice(Number(last), 1);
    else at[Number(last)] = value;
  } else if (value === undefined) delete at[last];
  else at[last] = value;
}

function fieldValue(type, text) {
  const trimmed = text.trim();
  if (type === 'number') {
    if (trimmed === '') return undefined;
    const number = Number(trimmed);
    return Number.isFinite(number) ? number : text;
  }
  if (type === 'json') {
    if (trimmed === '') return undefined;
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

function fieldText(type, value) {
  if (value === undefined || value === null) return '';
  if (type === 'json') return JSON.stringify(value, null, 2);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

for (const form of document.querySelectorAll('form.definition-editor')) {
  const json = form.querySelector('[data-json]');
  if (json === null) continue;
  const fields = [...form.querySelectorAll('[data-pointer]')];

  // A list row (".../<n>/id" or "/weight") edits a member of the list; an emptied id drops it.
  const fromForm = () => {
    let definition;
    try {
      definition = JSON.parse(json.value);
    } catch {
      return;
    }
    if (!isRecord(definition)) return;
    const lists = new Map();
    for (const field of fields) {
      const row = /^(\/(?:dimensions|indicators))\/(\d+)\/(id|weight)$/.exec(field.dataset.pointer);
      if (row !== null) {
        const members = lists.get(row[1]) ?? [];
        const member = members[Number(row[2])] ?? {};
        const value = fieldValue(field.dataset.type, field.value);
        if (value !== undefined) member[row[3]] = value;
        members[Number(row[2])] = member;
        lists.set(row[1], members);
        continue;
      }
      setAt(definition, field.dataset.pointer, fieldValue(field.dataset.type, field.value));
    }
    for (const [pointer, members] of lists) {
      setAt(
        definition,
        pointer,
        members.filter((member) => typeof member.id === 'string' && member.id.trim() !== ''),
      );
    }
    json.value = `${JSON.stringify(definition, null, 2)}\n`;
  };

  const fromJson = () => {
    let definition;
    try {
      definition = JSON.parse(json.value);
    } catch {
      return;
    }
    for (const field of fields) {
      field.value = fieldText(field.dataset.type, valueAt(definition, field.dataset.pointer));
    }
  };

  for (const field of fields) field.addEventListener('input', fromForm);
  for (const field of fields) field.addEventListener('change', fromForm);
  json.addEventListener('input', fromJson);
}
