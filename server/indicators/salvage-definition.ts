/**
 * Salvage of a definition that breaks its schema, so that the cross-checks (references, formula,
 * variables, thresholds, fixtures, framework consistency) still run on the parts that are usable
 * and a researcher sees every problem in one pass. The top-level fields the schema problems point
 * at are "broken": an optional one is dropped, a required one is replaced by a neutral stand-in
 * (from a scaffold, or another definition of the kind), and the result must pass the schema.
 * Cross-check problems about a broken field, or about a field whose check leans on a broken one
 * (thresholds lean on direction, the formula on the inputs, …), are then dropped as noise.
 *
 * @example
 * salvageDefinition({ kind: 'dimension', id: 'x', name: 3, description: d, weight: 1 }, ['name'], stand)
 * // { definition: { …, name: { zh: '—', en: '—' } }, broken: ['name'] }
 */
import type { Definition, DefinitionKind } from './definitions.js';
import type { Problem } from './problem.js';
import { scaffoldIndicator } from './scaffold-indicator.js';

/** Fields that may be absent: a broken one is simply left out. */
const OPTIONAL: Readonly<Record<DefinitionKind, readonly string[]>> = {
  indicator: ['valid_range', 'rules'],
  dimension: ['parent'],
  framework: ['jumps', 'overrides'],
  survey: [],
};

/** For each field, the fields its cross-checks read besides itself. */
const LEANS_ON: Readonly<Record<DefinitionKind, Readonly<Record<string, readonly string[]>>>> = {
  indicator: {
    thresholds: ['direction', 'goalposts'],
    goalposts: ['direction'],
    inputs: ['formula', 'fixtures', 'rules', 'valid_range'],
    formula: ['inputs'],
    fixtures: ['inputs', 'formula', 'rules', 'valid_range'],
    rules: ['inputs', 'fixtures'],
    valid_range: ['inputs'],
  },
  dimension: {},
  framework: {
    dimensions: ['indicators', 'root'],
    indicators: ['dimensions'],
    root: ['dimensions', 'indicators'],
    overrides: ['indicators', 'dimensions', 'methods'],
    methods: ['indicators', 'dimensions'],
  },
  survey: {},
};

/** Fields that never get a stand-in: without them nothing can refer to the definition. */
const ESSENTIAL = new Set(['kind', 'id']);

export interface Salvaged {
  readonly definition: Definition;
  /** The top-level fields the schema refused. */
  readonly broken: readonly string[];
}

/** The top-level field a schema problem belongs to ('' for the whole document). */
export function topField(pointer: string): string {
  const segment = pointer.split('/')[1] ?? '';
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}

const dash = { zh: '—', en: '—' };

/** A neutral definition of the kind whose fields stand in for broken ones. */
export function standIn(
  kind: DefinitionKind,
  id: string,
  others: readonly Definition[],
): Definition | undefined {
  if (kind === 'indicator') return scaffoldIndicator('(draft)', id);
  if (kind === 'dimension') return { kind, id, name: dash, description: dash, weight: 1 };
  return others.find((other) => other.kind === kind);
}

/**
 * The usable parts of `value` with stand-ins for its broken fields, or undefined when the broken
 * parts cannot be replaced (no id, a broken root).
 */
export function salvageDefinition(
  value: Readonly<Record<string, unknown>>,
  problems: readonly Problem[],
  standInFor: Definition | undefined,
): Salvaged | undefined {
  const kind = value.kind as DefinitionKind;
  const broken = [...new Set(problems.map((problem) => topField(problem.pointer)))];
  if (standInFor === undefined || broken.some((field) => field === '' || ESSENTIAL.has(field)))
    return undefined;
  const repaired: Record<string, unknown> = { ...value };
  const stand = standInFor as unknown as Readonly<Record<string, unknown>>;
  for (const field of broken) {
    if (OPTIONAL[kind].includes(field) || !(field in stand)) Reflect.deleteProperty(repaired, field);
    else repaired[field] = stand[field];
  }
  return { definition: repaired as unknown as Definition, broken };
}

/** Whether a cross-check problem at `pointer` rests on a broken field and is noise. */
export function restsOnBroken(kind: DefinitionKind, pointer: string, broken: readonly string[]): boolean {
  const field = topField(pointer);
  if (field === '') return false;
  if (broken.includes(field)) return true;
  return (LEANS_ON[kind][field] ?? []).some((other) => broken.includes(other));
}
