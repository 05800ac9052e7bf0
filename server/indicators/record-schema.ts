/**
 * The merged record schema of a framework: one property per variable, `number | null` (or
 * `integer | null`) with the declared bounds, unit and label. No variable is required, since
 * missing data is allowed and flagged downstream, and no other property is allowed. Compiled
 * once per framework with the registry's ajv instance.
 *
 * @example recordSchema([{ name: 'households', type: 'integer', minimum: 0, … }]).properties.households.type
 *   // ['integer', 'null']
 */
import { ajvErrorsToProblems } from './ajv-problems.js';
import type { RecordCheck, ResolvedVariable } from './registry-types.js';
import { definitionSchemas } from './schemas.js';

export function recordSchema(variables: readonly ResolvedVariable[]): Readonly<Record<string, unknown>> {
  const properties: Record<string, unknown> = {};
  for (const variable of variables) {
    const { type, minimum, maximum, exclusiveMinimum, exclusiveMaximum, unit, label } = variable;
    const bounds = { minimum, maximum, exclusiveMinimum, exclusiveMaximum };
    const declared = Object.fromEntries(Object.entries(bounds).filter(([, bound]) => bound !== undefined));
    properties[variable.name] = { type: [type, 'null'], ...declared, unit, label };
  }
  return { type: 'object', additionalProperties: false, properties };
}

export function compileRecordValidator(
  schema: Readonly<Record<string, unknown>>,
): (record: unknown) => RecordCheck {
  const validate = definitionSchemas().ajv.compile(schema);
  return (record) => {
    if (validate(record)) return { ok: true };
    const problems = ajvErrorsToProblems('', validate.errors).map(({ file: _file, ...problem }) => problem);
    return { ok: false, problems };
  };
}
