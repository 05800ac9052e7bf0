/**
 * The `keep` block helper of the page templates: `{{#keep section as="league"}}…{{/keep}}` renders
 * the block with `section` as both its context and its @root, and remembers the HTML for that very
 * object (a WeakMap, so it lives exactly as long as the object). View models hand it objects they
 * memoise per report context (context.memo), whose content is fixed for the key they were built
 * under, so the same object always renders the same HTML; the block cannot reach anything else of
 * the page (@root is the object itself, and no @index or @key of an enclosing loop), which is what makes reusing it safe. Anything that is not
 * an object renders the block's {{else}} part, uncached.
 *
 * @example hbs.registerHelper('keep', keptBlocks(hbs))
 */
import type Handlebars from 'handlebars';

type Hbs = typeof Handlebars;

export function keptBlocks(hbs: Hbs): Handlebars.HelperDelegate {
  const kept = new WeakMap<object, Map<string, string>>();
  return function keep(this: unknown, model: unknown, options: Handlebars.HelperOptions) {
    if (typeof model !== 'object' || model === null) return options.inverse(this);
    const name = typeof options.hash.as === 'string' ? options.hash.as : '';
    let byName = kept.get(model);
    let html = byName?.get(name);
    if (html === undefined) {
      // A fresh frame: not even the enclosing {{#each}}'s @index reaches the block.
      const frame: unknown = hbs.createFrame({ root: model });
      const rendered = options.fn(model, { data: frame });
      html = rendered;
      if (byName === undefined) {
        byName = new Map<string, string>();
        kept.set(model, byName);
      }
      byName.set(name, rendered);
    }
    return new hbs.SafeString(html);
  };
}
