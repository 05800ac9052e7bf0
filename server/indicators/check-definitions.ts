/**
 * checkDefinitions(files, dir): the registry's checks over definition files already in memory
 * (file name + text). checkFolder reads a folder and calls it; the indicator-draft check calls it
 * with the catalogue plus one draft, so both see exactly the same problems.
 * A file that breaks its schema gets its schema problems only; the cross-checks (references,
 * formulas, variables, methods) run on every schema-valid file, so one bad file does not hide the
 * problems of the others.
 *
 * @example
 * const checked = checkDefinitions([{ file: 'x.json', text: '{"kind":"dimension"}' }], 'memory');
 */
import { NotFoundError } from '../errors.js';
import { checkDimensions } from './check-dimensions.js';
import { checkDuplicateIds } from './check-duplicate-ids.js';
import { checkFixtureInputs } from './check-fixture-inputs.js';
import { checkFramework, type KnownDefinitions } from './check-framework.js';
import { checkIndicator } from './check-indicator.js';
import { checkFrameworkSurveys, checkSurveys } from './check-surveys.js';
import { checkVariableConflicts } from './check-variable-conflicts.js';
import { contentHash } from './content-hash.js';
import { deepFreeze } from './deep-freeze.js';
import type {
  Definition,
  DimensionDefinition,
  FrameworkDefinition,
  IndicatorDefinition,
} from './definitions.js';
import type { FrameworkMethods } from './method-params.js';
import { parseDefinitions, type ParsedDefinition } from './parse-definitions.js';
import type { Problem } from './problem.js';
import type { DefinitionFile } from './read-definition-files.js';
import type {
  LoadedDimension,
  LoadedFramework,
  LoadedIndicator,
  LoadedSurvey,
  Registry,
  ResolvedFramework,
} from './registry-types.js';
import { resolveFramework } from './resolve-framework.js';
import { restsOnBroken } from './salvage-definition.js';

function ofKind<K extends Definition['kind']>(
  parsed: readonly ParsedDefinition[],
  kind: K,
): ParsedDefinition<Extract<Definition, { kind: K }>>[] {
  return parsed.filter(
    (entry): entry is ParsedDefinition<Extract<Definition, { kind: K }>> => entry.definition.kind === kind,
  );
}

/** Keeps the first definition of each id (later duplicates are already problems). */
function firstById<D extends Definition>(
  entries: readonly ParsedDefinition<D>[],
): Map<string, ParsedDefinition<D>> {
  const map = new Map<string, ParsedDefinition<D>>();
  for (const entry of entries) if (!map.has(entry.definition.id)) map.set(entry.definition.id, entry);
  return map;
}

/** Whether a salvaged indicator's fixtures can run: its inputs, formula, rules and fixtures are its own. */
function fixturesRun(broken: readonly string[]): boolean {
  return !['inputs', 'formula', 'fixtures', 'rules', 'valid_range'].some((field) => broken.includes(field));
}

/**
 * Drops the cross-check problems of salvaged files that rest on a stand-in (schema problems stay).
 */
function withoutNoise(
  problems: readonly Problem[],
  schemaProblems: ReadonlySet<Problem>,
  valid: readonly ParsedDefinition[],
): Problem[] {
  const salvaged = new Map<string, ParsedDefinition>();
  for (const entry of valid) if (entry.broken !== undefined) salvaged.set(entry.file, entry);
  if (salvaged.size === 0) return [...problems];
  return problems.filter((problem) => {
    const entry = salvaged.get(problem.file);
    if (entry?.broken === undefined || schemaProblems.has(problem)) return true;
    return !restsOnBroken(entry.definition.kind, problem.pointer, entry.broken);
  });
}

function sortByFile(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** The outcome of checking a folder: every problem, and the registry when there is none. */
export interface FolderCheck {
  readonly problems: readonly Problem[];
  /** Indicators whose formula compiled, even when the folder as a whole has problems (to run fixtures). */
  readonly indicators: ReadonlyMap<string, LoadedIndicator>;
  readonly registry?: Registry;
}

/** A definition file's name (relative, "/"-separated) and text; no disk involved. */
export type DefinitionSource = Pick<DefinitionFile, 'file' | 'text'>;

/**
 * Checks every definition in `files`; `dir` only names where they came from. Never throws for a
 * problem in them. `salvage` (the workbench's check): files that break their schema are
 * cross-checked too, on their usable parts (salvage-definition.ts).
 */
export function checkDefinitions(
  files: readonly DefinitionSource[],
  dir: string,
  options: { readonly salvage?: boolean } = {},
): FolderCheck {
  const parsed = parseDefinitions(files, options);
  const schemaProblems: Problem[] = [...parsed.problems, ...checkDuplicateIds(parsed.claims)];
  const problems: Problem[] = [];

  const indicatorEntries = firstById(ofKind(parsed.valid, 'indicator'));
  const dimensionEntries = firstById(ofKind(parsed.valid, 'dimension'));
  const frameworkEntries = firstById(ofKind(parsed.valid, 'framework'));
  const claimed = (kind: Definition['kind']): Set<string> =>
    new Set(parsed.claims.filter((claim) => claim.kind === kind).map((claim) => claim.id));
  const dimensionIds = claimed('dimension');

  problems.push(...checkDimensions([...dimensionEntries.values()], parsed.claims));
  const dimensions = new Map<string, LoadedDimension>();
  for (const [id, { file, definition }] of dimensionEntries) {
    dimensions.set(id, { definition: deepFreeze(definition), file, hash: contentHash(definition) });
  }

  const indicatorList = [...indicatorEntries.values()];
  problems.push(...checkVariableConflicts(indicatorList));
  const indicators = new Map<string, LoadedIndicator>();
  for (const { file, definition, broken } of indicatorList) {
    const checked = checkIndicator(file, definition, dimensionIds);
    problems.push(...checked.problems, ...checkFixtureInputs(file, definition));
    if (checked.formula === undefined || (broken !== undefined && !fixturesRun(broken))) continue;
    indicators.set(definition.id, {
      definition: deepFreeze(definition),
      file,
      hash: contentHash(definition),
      formula: checked.formula,
      rules: checked.rules ?? [],
    });
  }

  const surveyEntries = firstById(ofKind(parsed.valid, 'survey'));
  problems.push(...checkSurveys([...surveyEntries.values()]));
  const surveys = new Map<string, LoadedSurvey>();
  for (const [id, { file, definition }] of surveyEntries) {
    surveys.set(id, { definition: deepFreeze(definition), file, hash: contentHash(definition) });
  }
  const surveyIds = claimed('survey');

  const known: KnownDefinitions = {
    indicatorIds: claimed('indicator'),
    dimensionIds,
    indicators: new Map<string, IndicatorDefinition>(
      [...indicatorEntries].map(([id, entry]) => [id, entry.definition]),
    ),
    dimensions: new Map<string, DimensionDefinition>(
      [...dimensionEntries].map(([id, entry]) => [id, entry.definition]),
    ),
  };
  const checkedFrameworks: { file: string; definition: FrameworkDefinition; methods: FrameworkMethods }[] =
    [];
  for (const { file, definition } of frameworkEntries.values()) {
    const checked = checkFramework(file, definition, known);
    const surveyProblems = checkFrameworkSurveys(file, definition, surveyIds);
    problems.push(...checked.problems, ...surveyProblems);
    if (checked.problems.length === 0 && surveyProblems.length === 0 && checked.methods !== undefined) {
      checkedFrameworks.push({ file, definition: deepFreeze(definition), methods: checked.methods });
    }
  }

  problems.unshift(...schemaProblems);
  if (problems.length > 0)
    return {
      problems: sortByFile(withoutNoise(problems, new Set(schemaProblems), parsed.valid)),
      indicators,
    };

  const frameworks = new Map<string, LoadedFramework>();
  const resolved = new Map<string, ResolvedFramework>();
  for (const { file, definition, methods } of checkedFrameworks) {
    const framework = resolveFramework(definition, methods, indicators, dimensions, surveys);
    resolved.set(definition.id, framework);
    frameworks.set(definition.id, Object.freeze({ definition, file, hash: framework.hash }));
  }

  const registry: Registry = Object.freeze({
    dir,
    indicators,
    dimensions,
    frameworks,
    surveys,
    resolveFramework(id: string): ResolvedFramework {
      const framework = resolved.get(id);
      if (framework === undefined) {
        throw new NotFoundError(`no framework "${id}"; known: ${[...resolved.keys()].join(', ') || 'none'}`);
      }
      return framework;
    },
  });
  return { problems, indicators, registry };
}
