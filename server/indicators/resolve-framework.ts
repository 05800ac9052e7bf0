/**
 * Builds a ResolvedFramework from a framework that passed its checks: the dimension tree (parents
 * first, with depth and the framework's weights), the indicators with their compiled formulas,
 * the merged variables and record validator, and the framework hash, which covers the framework
 * file and the hash of every dimension and indicator it uses.
 */
import { contentHash } from './content-hash.js';
import { deepFreeze } from './deep-freeze.js';
import type { FrameworkDefinition } from './definitions.js';
import { DEFAULT_MIN_SAMPLE } from './survey-definition.js';
import type { FrameworkMethods } from './method-params.js';
import { compileRecordValidator, recordSchema } from './record-schema.js';
import type {
  LoadedDimension,
  LoadedIndicator,
  LoadedSurvey,
  ResolvedDimension,
  ResolvedFramework,
  ResolvedIndicator,
  ResolvedSurvey,
  ResolvedVariable,
} from './registry-types.js';

function lookup<T>(map: ReadonlyMap<string, T>, id: string): T {
  const found = map.get(id);
  if (found === undefined) throw new RangeError(`"${id}" was checked but is not loaded`);
  return found;
}

function resolveDimensions(
  framework: FrameworkDefinition,
  dimensions: ReadonlyMap<string, LoadedDimension>,
): ResolvedDimension[] {
  const rootId = framework.root.id;
  const resolved: ResolvedDimension[] = [];
  const visit = (parentId: string, depth: number): void => {
    for (const member of framework.dimensions) {
      const loaded = lookup(dimensions, member.id);
      if ((loaded.definition.parent ?? rootId) !== parentId) continue;
      resolved.push({
        id: member.id,
        parentId,
        weight: member.weight,
        depth,
        definition: loaded.definition,
        hash: loaded.hash,
      });
      visit(member.id, depth + 1);
    }
  };
  visit(rootId, 1);
  return resolved;
}

function resolveVariables(indicators: readonly ResolvedIndicator[]): ResolvedVariable[] {
  const byName = new Map<string, { variable: Omit<ResolvedVariable, 'usedBy'>; usedBy: string[] }>();
  for (const indicator of indicators) {
    for (const [name, declaration] of Object.entries(indicator.definition.inputs.properties)) {
      const entry = byName.get(name) ?? { variable: { name, ...declaration }, usedBy: [] };
      entry.usedBy.push(indicator.id);
      byName.set(name, entry);
    }
  }
  return [...byName.values()].map(({ variable, usedBy }) => ({ ...variable, usedBy }));
}

export function resolveFramework(
  framework: FrameworkDefinition,
  methods: FrameworkMethods,
  indicators: ReadonlyMap<string, LoadedIndicator>,
  dimensions: ReadonlyMap<string, LoadedDimension>,
  surveys: ReadonlyMap<string, LoadedSurvey> = new Map(),
): ResolvedFramework {
  const resolvedDimensions = resolveDimensions(framework, dimensions);
  const depthOf = new Map(resolvedDimensions.map((dimension) => [dimension.id, dimension.depth]));
  const resolvedIndicators = framework.indicators.map((member): ResolvedIndicator => {
    const loaded = lookup(indicators, member.id);
    const parentId = loaded.definition.dimension;
    return {
      id: member.id,
      parentId,
      weight: member.weight,
      depth: lookup(depthOf, parentId) + 1,
      definition: loaded.definition,
      hash: loaded.hash,
      formula: loaded.formula,
    };
  });
  const variables = resolveVariables(resolvedIndicators);
  const schema = deepFreeze(recordSchema(variables));
  const validateRecord = compileRecordValidator(schema);
  const usedHashes: Record<string, string> = {};
  for (const node of [...resolvedDimensions, ...resolvedIndicators]) usedHashes[node.id] = node.hash;
  const resolvedSurveys = (framework.surveys ?? []).map((id): ResolvedSurvey => {
    const loaded = lookup(surveys, id);
    usedHashes[id] = loaded.hash;
    const minSample = loaded.definition.minSample ?? DEFAULT_MIN_SAMPLE;
    return { id, definition: loaded.definition, hash: loaded.hash, minSample };
  });
  return deepFreeze({
    definition: framework,
    hash: contentHash({ framework, definitions: usedHashes }),
    root: framework.root,
    dimensions: resolvedDimensions,
    indicators: resolvedIndicators,
    variables,
    recordSchema: schema,
    validateRecord,
    rules: framework.indicators.flatMap((member) => lookup(indicators, member.id).rules),
    methods,
    surveys: resolvedSurveys,
  });
}
