/**
 * Server-rendered pages: handlebars templates under views/, compiled once at start-up
 * (house rule 7), with one layout and the partials in views/partials. Templates hold no logic.
 *
 * `{{#keep model as="name"}}…{{/keep}}` renders its block once per model object and reuses the
 * HTML (kept-blocks.ts): for the sections a view model memoises per evaluation, period, language and
 * scope (the districts' table, the distribution…), which every request would otherwise render anew.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { assertKeptBlocksSelfContained, keptBlocks } from './kept-blocks.js';
import { withFields } from '../reports/views/with-fields.js';

/** A page's view model: any object (view models are interfaces, so not an index signature). */
export type ViewData = object;

export interface Views {
  render(page: string, data: ViewData): string;
}

function readTemplates(dir: string): Map<string, string> {
  const templates = new Map<string, string>();
  if (!existsSync(dir)) return templates;
  for (const file of readdirSync(dir)) {
    if (file.endsWith('.hbs')) templates.set(file.slice(0, -4), readFileSync(path.join(dir, file), 'utf8'));
  }
  return templates;
}

export function loadViews(viewsDir: string): Views {
  const hbs = Handlebars.create();
  hbs.registerHelper('keep', keptBlocks(hbs));
  const partials = readTemplates(path.join(viewsDir, 'partials'));
  for (const [name, source] of partials) hbs.registerPartial(name, source);
  assertKeptBlocksSelfContained(readTemplates(path.join(viewsDir, 'pages')), partials);
  // Only the built-in helpers and `keep`: a {{name}} is then read from the model without first
  // being looked up as a helper (the same HTML, a few per cent less time per page; partials are
  // compiled with the options of the template that calls them).
  const options = { knownHelpers: { keep: true }, knownHelpersOnly: true };
  const layout = hbs.compile(readFileSync(path.join(viewsDir, 'layouts', 'main.hbs'), 'utf8'), {
    strict: false,
    ...options,
  });
  const pages = new Map<string, HandlebarsTemplateDelegate>();
  for (const [name, source] of readTemplates(path.join(viewsDir, 'pages')))
    pages.set(name, hbs.compile(source, options));
  return {
    render(page, data) {
      const template = pages.get(page);
      if (template === undefined) throw new Error(`no view named "${page}" in views/pages`);
      return layout(withFields(data, { body: template(data) }));
    },
  };
}
