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
import Handlebars from 'handlebars';

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
      // Kept flat: a block's HTML comes out as a rope of small pieces, which every page that
      // reused it would walk again when the response is encoded (as UTF-8, like this round trip).
      const rendered = Buffer.from(options.fn(model, { data: frame }), 'utf8').toString('utf8');
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

type Node = hbs.AST.Node;

/** The statements directly under a node (blocks' programs, their {{else}}, partial blocks). */
function children(node: Node): Node[] {
  const n = node as Partial<hbs.AST.BlockStatement> & Partial<hbs.AST.Program>;
  // The typings promise an {{else}} program; the parser leaves it out when there is none.
  const { inverse } = node as { readonly inverse?: hbs.AST.Program | null };
  return [
    ...(n.body ?? []),
    ...(n.program === undefined ? [] : [n.program]),
    ...(inverse === undefined || inverse === null ? [] : [inverse]),
  ];
}

/** Every path a node uses: its own, its parameters' and its hash values'. */
function pathsOf(node: Node): hbs.AST.PathExpression[] {
  const n = node as Partial<hbs.AST.MustacheStatement>;
  const parts: Node[] = [
    ...(n.path === undefined ? [] : [n.path]),
    ...(n.params ?? []),
    ...(n.hash?.pairs.map((pair) => pair.value) ?? []),
  ];
  return parts.flatMap((part) =>
    part.type === 'PathExpression'
      ? [part as hbs.AST.PathExpression]
      : part.type === 'SubExpression'
        ? pathsOf(part)
        : [],
  );
}

/**
 * Refuses templates whose kept blocks look outside themselves with `../` (directly or through a
 * partial they call): such a block would render differently on another page, so keeping its HTML
 * could show one reader what was rendered for another. Called once, when the templates load.
 */
export function assertKeptBlocksSelfContained(
  templates: ReadonlyMap<string, string>,
  partials: ReadonlyMap<string, string>,
): void {
  const parse = (source: string): hbs.AST.Program => Handlebars.parse(source);
  const problems: string[] = [];
  const inside = (node: Node, where: string, seen: Set<string>): void => {
    for (const path of pathsOf(node))
      if (path.depth > 0) problems.push(`${where}: "${path.original}" inside {{#keep}}`);
    if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') {
      const name = (node as hbs.AST.PartialStatement).name;
      const partial = name.type === 'PathExpression' ? partials.get(name.original) : undefined;
      const partialName = (name as hbs.AST.PathExpression).original;
      if (partial !== undefined && !seen.has(partialName))
        inside(parse(partial), `partial ${partialName} (from ${where})`, new Set([...seen, partialName]));
    }
    for (const child of children(node)) inside(child, where, seen);
  };
  const find = (node: Node, where: string): void => {
    const block = node as Partial<hbs.AST.BlockStatement>;
    if (node.type === 'BlockStatement' && block.path?.original === 'keep') {
      for (const child of children(node)) inside(child, where, new Set());
      return;
    }
    for (const child of children(node)) find(child, where);
  };
  for (const [name, source] of [...templates, ...partials]) find(parse(source), name);
  if (problems.length > 0)
    throw new Error(`kept blocks must not reach outside themselves:\n${problems.join('\n')}`);
}
