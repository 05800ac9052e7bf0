/**
 * The JSON Schema of a framework's `methods` object, built from what each engine method declares
 * beside its code: per stage, `method` plus every parameter any method of that stage takes, each with
 * the schema its method declares. framework.schema.json refers to it by METHODS_SCHEMA_ID; which
 * parameters belong to which method is checked by method-params.ts from the same declarations.
 *
 * @example methodsSchema().properties.normalisation.properties.range // minmax's (and goalposts') RANGE
 */
import { METHODS, stageDeclarations, type Stage } from '../engine/method-names.js';
import type { ParamSchema } from '../engine/methods/method.js';

export const METHODS_SCHEMA_ID = 'urn:zhili:methods.schema.json';

interface StageSchema {
  readonly type: 'object';
  readonly additionalProperties: false;
  readonly required: readonly ['method'];
  readonly properties: Readonly<Record<string, ParamSchema>>;
}

export interface MethodsSchema {
  readonly $id: typeof METHODS_SCHEMA_ID;
  readonly type: 'object';
  readonly additionalProperties: false;
  readonly required: readonly Stage[];
  readonly properties: Readonly<Record<Stage, StageSchema>>;
}

const METHOD_NAME: ParamSchema = {
  type: 'string',
  minLength: 1,
  title: 'a method of this stage (server/engine/methods/<stage>/index.ts)',
};

/** One stage: every parameter of every method, each the very schema its method declares. */
function stageSchema(stage: Stage): StageSchema {
  const properties: Record<string, ParamSchema> = { method: METHOD_NAME };
  const owner = new Map<string, string>();
  for (const declaration of stageDeclarations(stage)) {
    for (const [name, schema] of Object.entries(declaration.params.properties)) {
      const earlier = properties[name];
      if (earlier !== undefined && JSON.stringify(earlier) !== JSON.stringify(schema)) {
        throw new Error(
          `methods.${stage}.${name}: ${declaration.name} declares it unlike ${owner.get(name) ?? 'method'}; one parameter name, one schema per stage`,
        );
      }
      if (earlier === undefined) {
        properties[name] = schema;
        owner.set(name, declaration.name);
      }
    }
  }
  return { type: 'object', additionalProperties: false, required: ['method'], properties };
}

let cached: MethodsSchema | undefined;

export function methodsSchema(): MethodsSchema {
  if (cached !== undefined) return cached;
  const stages = Object.keys(METHODS) as Stage[];
  const properties = Object.fromEntries(stages.map((stage) => [stage, stageSchema(stage)])) as Record<
    Stage,
    StageSchema
  >;
  cached = {
    $id: METHODS_SCHEMA_ID,
    type: 'object',
    additionalProperties: false,
    required: stages,
    properties,
  };
  return cached;
}
