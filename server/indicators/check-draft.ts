/**
 * Checks one indicator draft against the current catalogue, exactly as `indicators check` would if
 * the draft were a file in the folder: the catalogue's definitions plus the draft go through the
 * registry's own checks (checkDefinitions), and every fixture the draft's formula can run is run.
 * Nothing is written anywhere.
 *
 * An id the catalogue already gives an indicator is a revision: allowed only with a higher
 * version, and then the draft stands in for the catalogue's definition (so frameworks that use it
 * are checked against the draft). The draft goes last, so a shared variable keeps the catalogue's
 * declaration and any conflict is reported on the draft.
 *
 * @example
 * const result = checkIndicatorDraft(registry, JSON.parse(text));
 * result.ok; // false
 * result.problems[0]; // { where: '/dimension', message: 'unknown dimension', expected: …, found: '"nope"' }
 */
import semver from 'semver';
import { ValidationError } from '../errors.js';
import { checkDefinitions, type DefinitionSource } from './check-definitions.js';
import { TOO_DEEP_MESSAGE, textDeeperThan, valueDeeperThan } from './json-depth.js';
import { parseJsonText } from './json-text.js';
import type { Problem } from './problem.js';
import type { Registry } from './registry-types.js';
import { fixtureProblems, runFixtures, type FixtureOutcome } from './run-fixtures.js';

/** The name the draft carries among the catalogue's files (no catalogue file can have it). */
export const DRAFT_FILE = '(draft)';

export interface DraftProblem {
  /** A JSON pointer into the draft ('' = the whole draft), or "file pointer" for another definition. */
  readonly where: string;
  readonly message: string;
  readonly expected: string;
  readonly found: string;
}

export interface DraftFixture {
  readonly name: string;
  readonly expected: FixtureOutcome;
  readonly computed: FixtureOutcome;
  readonly ok: boolean;
}

export interface DraftCheck {
  readonly ok: boolean;
  /** Set when the draft revises an indicator of the catalogue: the version and file it replaces. */
  readonly revises?: { readonly id: string; readonly version: string; readonly file: string };
  readonly problems: readonly DraftProblem[];
  readonly fixtures: readonly DraftFixture[];
}

const sourcesByRegistry = new WeakMap<Registry, readonly DefinitionSource[]>();

/** The registry's definitions as in-memory files, in path order (computed once per registry). */
export function catalogueSources(registry: Registry): readonly DefinitionSource[] {
  const known = sourcesByRegistry.get(registry);
  if (known !== undefined) return known;
  const sources = [
    ...registry.dimensions.values(),
    ...registry.indicators.values(),
    ...registry.frameworks.values(),
    ...registry.surveys.values(),
  ]
    .map(({ file, definition }) => ({ file, text: JSON.stringify(definition) }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  sourcesByRegistry.set(registry, sources);
  return sources;
}

function field(value: unknown, name: string): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)[name]
    : undefined;
}

function toDraftProblem(problem: Problem): DraftProblem {
  const where = problem.file === DRAFT_FILE ? problem.pointer : `${problem.file} ${problem.pointer}`.trim();
  return { where, message: problem.message, expected: problem.expected, found: problem.found };
}

function refused(problem: DraftProblem): DraftCheck {
  return { ok: false, problems: [problem], fixtures: [] };
}

/** The refusal of a draft nested too deeply: nothing recursive has run on it yet. */
function tooDeep(where: string): ValidationError {
  return new ValidationError(`the draft is ${TOO_DEEP_MESSAGE}`, [{ where, message: TOO_DEEP_MESSAGE }]);
}

/**
 * Checks a draft given as JSON text: malformed JSON is reported with its line and column. Text
 * nested deeper than MAX_JSON_DEPTH throws ValidationError (400) naming the limit and where.
 */
export function checkIndicatorDraftText(registry: Registry, text: string): DraftCheck {
  const deepAt = textDeeperThan(text);
  if (deepAt !== undefined) {
    const before = text.slice(0, deepAt).split('\n');
    throw tooDeep(`line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`);
  }
  const parsed = parseJsonText(text);
  const value = parsed.ok ? parsed.value : undefined;
  const kind = field(value, 'kind');
  if (kind === 'dimension' || kind === 'framework' || kind === 'survey') {
    return refused({
      where: '/kind',
      message: 'only an indicator can be checked here',
      expected: '"indicator"',
      found: JSON.stringify(kind),
    });
  }

  let sources = catalogueSources(registry);
  const extra: DraftProblem[] = [];
  let revises: DraftCheck['revises'];
  const id = field(value, 'id');
  const existing = typeof id === 'string' ? registry.indicators.get(id) : undefined;
  if (existing !== undefined && typeof id === 'string') {
    // The draft stands in for the catalogue's definition either way, so that all of it is checked.
    sources = sources.filter((source) => source.file !== existing.file);
    const version = field(value, 'version');
    const current = existing.definition.version;
    if (typeof version === 'string' && semver.valid(version) !== null && semver.gt(version, current)) {
      revises = { id, version: current, file: existing.file };
    } else {
      extra.push({
        where: '/version',
        message: 'duplicate id: an indicator of the catalogue can only be revised with a higher version',
        expected: `a version above ${current} (the catalogue's ${id}, ${existing.file})`,
        found: version === undefined ? 'nothing' : JSON.stringify(version),
      });
    }
  }

  const checked = checkDefinitions([...sources, { file: DRAFT_FILE, text }], registry.dir);
  const draft = [...checked.indicators.values()].find((indicator) => indicator.file === DRAFT_FILE);
  const fixtures: DraftFixture[] =
    draft === undefined
      ? []
      : runFixtures(draft).map((result) => ({
          name: result.fixture,
          expected: result.expected,
          computed: result.actual,
          ok: result.pass,
        }));
  const problems = [
    ...extra,
    ...[...checked.problems, ...(draft === undefined ? [] : fixtureProblems(draft))].map(toDraftProblem),
  ];
  return {
    ok: problems.length === 0,
    ...(revises === undefined ? {} : { revises }),
    problems,
    fixtures,
  };
}

/** Checks a draft already parsed from JSON (an API body); one nested too deeply throws ValidationError. */
export function checkIndicatorDraft(registry: Registry, draft: unknown): DraftCheck {
  const deepAt = valueDeeperThan(draft);
  if (deepAt !== undefined) throw tooDeep(deepAt);
  // JSON.stringify gives undefined for a missing body, whatever its declared type says.
  const text = JSON.stringify(draft) as string | undefined;
  return checkIndicatorDraftText(registry, text ?? 'null');
}
