/**
 * The compiled validators for the definition kinds, read from indicators/*.schema.json in
 * the repository (the schemas belong to the code, whatever folder of definitions is loaded).
 * One ajv instance (JSON Schema 2020-12, strict mode, all errors) is created on first use and
 * also compiles the merged record schemas of frameworks. The framework schema's `methods` refers to
 * the schema built from the engine methods' own declarations (methods-schema.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type AnySchemaObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { indicatorsDir } from '../paths.js';
import type { DefinitionKind } from './definitions.js';
import { labelKeyword, unitKeyword } from './keywords.js';
import { methodsSchema } from './methods-schema.js';

export const SCHEMA_FILES: Readonly<Record<DefinitionKind, string>> = {
  indicator: 'indicator.schema.json',
  dimension: 'dimension.schema.json',
  framework: 'framework.schema.json',
  survey: 'survey.schema.json',
};

export interface SchemaSet {
  readonly ajv: Ajv2020;
  readonly validators: Readonly<Record<DefinitionKind, ValidateFunction>>;
}

let cached: SchemaSet | undefined;

/** A fresh ajv instance configured as the registry uses it: strict, every error, verbose (for messages). */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true, verbose: true, allowUnionTypes: true });
  ajv.addKeyword(unitKeyword);
  ajv.addKeyword(labelKeyword);
  return ajv;
}

function readSchema(file: string): AnySchemaObject {
  const parsed: unknown = JSON.parse(readFileSync(path.join(indicatorsDir, file), 'utf8'));
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new TypeError(`${file} is not a JSON object`);
  }
  return parsed;
}

/** The shared schema set, compiled once per process. */
export function definitionSchemas(): SchemaSet {
  if (cached !== undefined) return cached;
  const ajv = createAjv();
  ajv.addSchema(methodsSchema());
  cached = {
    ajv,
    validators: {
      indicator: ajv.compile(readSchema(SCHEMA_FILES.indicator)),
      dimension: ajv.compile(readSchema(SCHEMA_FILES.dimension)),
      framework: ajv.compile(readSchema(SCHEMA_FILES.framework)),
      survey: ajv.compile(readSchema(SCHEMA_FILES.survey)),
    },
  };
  return cached;
}
