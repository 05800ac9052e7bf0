/**
 * Checks a whole draft of catalogue changes (indicators, dimensions and frameworks alike) merged
 * over the catalogue it changes: the draft's files replace, add or remove (text null) the
 * catalogue's, and the result goes through the registry's own checks (checkDefinitions) with
 * salvage on, so every problem is found in one pass, even behind a file that breaks its schema.
 * A definition that keeps the id of one in the catalogue is a revision and needs a higher
 * version. Every fixture of every changed indicator is run. When nothing is wrong the merged
 * registry is returned, ready for the impact preview and for publishing.
 *
 * @example
 * const check = checkCatalogueDraft(registry, [{ file: 'professionalism/dimension.json', text }]);
 * check.problems[0]; // { file: 'professionalism/dimension.json', pointer: '/weight', … }
 */
import semver from 'semver';
import type { DraftChange } from '../domain/definition-draft.js';
import { catalogueSources } from './check-draft.js';
import { checkDefinitions, type DefinitionSource } from './check-definitions.js';
import { parseJsonText } from './json-text.js';
import type { Problem } from './problem.js';
import type { Registry } from './registry-types.js';
import { fixtureProblems, runFixtures, type FixtureOutcome } from './run-fixtures.js';

export interface CatalogueDraftFixture {
  readonly file: string;
  readonly indicator: string;
  readonly name: string;
  readonly expected: FixtureOutcome;
  readonly computed: FixtureOutcome;
  readonly ok: boolean;
}

export interface CatalogueDraftCheck {
  readonly ok: boolean;
  /** Every problem, each with its file and JSON pointer, sorted by file. */
  readonly problems: readonly Problem[];
  readonly fixtures: readonly CatalogueDraftFixture[];
  /** The catalogue as the draft would make it; only when there is no problem. */
  readonly registry?: Registry;
}

/** The catalogue's files with the draft's changes applied, in path order. */
export function mergeDraft(
  catalogue: readonly DefinitionSource[],
  changes: readonly DraftChange[],
): DefinitionSource[] {
  const changed = new Map(changes.map((change) => [change.file, change.text]));
  const kept = catalogue.filter((source) => !changed.has(source.file));
  const added = changes.flatMap((change) =>
    change.text === null ? [] : [{ file: change.file, text: change.text }],
  );
  return [...kept, ...added].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

function versionOf(registry: Registry, kind: unknown, id: unknown): string | undefined {
  if (typeof id !== 'string') return undefined;
  if (kind === 'indicator') return registry.indicators.get(id)?.definition.version;
  if (kind === 'framework') return registry.frameworks.get(id)?.definition.version;
  return undefined;
}

/** A changed indicator or framework that keeps a catalogue id must raise its version. */
function revisionProblems(registry: Registry, changes: readonly DraftChange[]): Problem[] {
  const problems: Problem[] = [];
  for (const { file, text } of changes) {
    if (text === null) continue;
    const parsed = parseJsonText(text);
    if (!parsed.ok || parsed.value === null || typeof parsed.value !== 'object') continue;
    const { kind, id, version } = parsed.value as Record<string, unknown>;
    const current = versionOf(registry, kind, id);
    if (current === undefined || typeof version !== 'string' || semver.valid(version) === null) continue;
    if (semver.gt(version, current)) continue;
    problems.push({
      file,
      pointer: '/version',
      expected: `a version above ${current} (the catalogue's ${String(id)})`,
      found: JSON.stringify(version),
      message: 'a revised definition needs a higher version',
    });
  }
  return problems;
}

export function checkCatalogueDraft(
  registry: Registry,
  changes: readonly DraftChange[],
): CatalogueDraftCheck {
  const merged = mergeDraft(catalogueSources(registry), changes);
  const checked = checkDefinitions(merged, registry.dir, { salvage: true });
  const changedFiles = new Set(changes.map((change) => change.file));
  const changedIndicators = [...checked.indicators.values()].filter((indicator) =>
    changedFiles.has(indicator.file),
  );
  const fixtures = changedIndicators.flatMap((indicator) =>
    runFixtures(indicator).map((result) => ({
      file: indicator.file,
      indicator: result.indicator,
      name: result.fixture,
      expected: result.expected,
      computed: result.actual,
      ok: result.pass,
    })),
  );
  const problems = [
    ...revisionProblems(registry, changes),
    ...checked.problems,
    ...changedIndicators.flatMap(fixtureProblems),
  ].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const result = problems.length === 0 ? checked.registry : undefined;
  return {
    ok: result !== undefined,
    problems,
    fixtures,
    ...(result === undefined ? {} : { registry: result }),
  };
}
