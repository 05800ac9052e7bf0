/**
 * Which of a method's parameters the evaluation forms offer, and as what kind of field, read from
 * the JSON Schema the method declares beside its code (server/engine/methods/): numbers, whole
 * numbers, a choice from an enum, yes/no, a short text, or a [low, high] range. Parameters of other
 * shapes (a framework's weight overrides, AHP matrices) are not plain fields: the framework's own
 * values are kept for them, and AHP has its own table.
 *
 * @example formParams('normalisation', 'minmax') // [{ name: 'range', kind: 'range', options: [] }]
 */
import { methodDeclaration, isMethodName } from '../../engine/method-names.js';
import type { FormStage } from '../../domain/evaluation-form.js';

export type ParamKind = 'number' | 'whole' | 'choice' | 'yesno' | 'text' | 'range';

export interface FormParam {
  readonly name: string;
  readonly kind: ParamKind;
  /** The allowed values of a choice. */
  readonly options: readonly string[];
}

function kindOf(schema: Readonly<Record<string, unknown>>): ParamKind | null {
  if (Array.isArray(schema.enum) && schema.enum.every((v) => typeof v === 'string')) return 'choice';
  if (schema.type === 'boolean') return 'yesno';
  if (schema.type === 'integer') return 'whole';
  if (schema.type === 'number') return 'number';
  if (schema.type === 'string') return 'text';
  const items = schema.items as Readonly<Record<string, unknown>> | undefined;
  if (schema.type === 'array' && schema.minItems === 2 && schema.maxItems === 2 && items?.type === 'number')
    return 'range';
  return null;
}

export function formParams(stage: FormStage, method: string): FormParam[] {
  if (!isMethodName(stage, method)) return [];
  const { properties } = methodDeclaration(stage, method).params;
  return Object.entries(properties).flatMap(([name, schema]) => {
    const kind = kindOf(schema);
    if (kind === null) return [];
    const options = Array.isArray(schema.enum) ? schema.enum.filter((v) => typeof v === 'string') : [];
    return [{ name, kind, options }];
  });
}

/** The form field of a parameter (a range has two: `<name>.0` and `<name>.1`). */
export function paramField(stage: FormStage, method: string, param: string): string {
  return `p.${stage}.${method}.${param}`;
}
