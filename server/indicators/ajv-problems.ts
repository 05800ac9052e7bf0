/**
 * Turns ajv's errors into Problems a researcher can act on: the JSON pointer of the offending
 * value (for an unknown or missing property, the property itself), what the schema expected and
 * what the file holds. Summary errors (`if`, `propertyNames`) are dropped: their details are
 * reported by the errors they summarise.
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import { describeValue, oneOf, pointerSegment, type Problem } from './problem.js';

function schemaTitle(error: ErrorObject): string | undefined {
  const parent: unknown = error.parentSchema;
  if (parent === null || typeof parent !== 'object' || !('title' in parent)) return undefined;
  return typeof parent.title === 'string' ? parent.title : undefined;
}

function allowedProperties(error: ErrorObject): string {
  const parent: unknown = error.parentSchema;
  if (parent !== null && typeof parent === 'object' && 'properties' in parent) {
    const properties: unknown = parent.properties;
    if (properties !== null && typeof properties === 'object') return oneOf(Object.keys(properties));
  }
  return 'no other property';
}

function param(error: ErrorObject, name: string): unknown {
  const params: Record<string, unknown> = error.params;
  return params[name];
}

const COMPARISONS: Readonly<Record<string, string>> = { '<=': '≤', '>=': '≥', '<': '<', '>': '>' };

function plural(count: unknown, noun: string, nouns = `${noun}s`): string {
  return `${String(count)} ${count === 1 ? noun : nouns}`;
}

/** One ajv error as a Problem in `file`; undefined for summary errors. */
export function ajvErrorToProblem(file: string, error: ErrorObject): Problem | undefined {
  const at = error.instancePath;
  const make = (message: string, expected: string, found: string, where = at): Problem => ({
    file,
    pointer: where,
    expected,
    found,
    message,
  });
  if (error.propertyName !== undefined) {
    return make(
      'invalid property name',
      schemaTitle(error) ?? error.message ?? 'a valid name',
      JSON.stringify(error.propertyName),
      `${at}/${pointerSegment(error.propertyName)}`,
    );
  }
  const data: unknown = error.data;
  switch (error.keyword) {
    case 'if':
    case 'propertyNames':
      return undefined;
    case 'additionalProperties': {
      const name = String(param(error, 'additionalProperty'));
      return make(
        'unknown property',
        allowedProperties(error),
        JSON.stringify(name),
        `${at}/${pointerSegment(name)}`,
      );
    }
    case 'required': {
      const name = String(param(error, 'missingProperty'));
      return make(
        'missing required property',
        `property ${JSON.stringify(name)}`,
        'nothing',
        `${at}/${pointerSegment(name)}`,
      );
    }
    case 'type': {
      const type = param(error, 'type');
      const expected = Array.isArray(type) ? type.map(String).join(' or ') : String(type);
      return make('wrong type', expected, `${describeValue(data)} (${data === null ? 'null' : typeof data})`);
    }
    case 'const':
      return make('wrong value', JSON.stringify(param(error, 'allowedValue')), describeValue(data));
    case 'enum': {
      const allowed = param(error, 'allowedValues');
      return make(
        'not an allowed value',
        Array.isArray(allowed) ? oneOf(allowed) : 'an allowed value',
        describeValue(data),
      );
    }
    case 'pattern':
      return make(
        'wrong format',
        schemaTitle(error) ?? `text matching ${String(param(error, 'pattern'))}`,
        describeValue(data),
      );
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return make(
        'out of range',
        `${COMPARISONS[String(param(error, 'comparison'))] ?? String(param(error, 'comparison'))} ${String(param(error, 'limit'))}`,
        describeValue(data),
      );
    case 'minItems':
      return make('too few items', `at least ${plural(param(error, 'limit'), 'item')}`, describeValue(data));
    case 'maxItems':
    case 'items':
      return make('too many items', `at most ${plural(param(error, 'limit'), 'item')}`, describeValue(data));
    case 'minLength':
      return make('too short', `at least ${plural(param(error, 'limit'), 'character')}`, describeValue(data));
    case 'maxLength':
      return make(
        'too long',
        `at most ${plural(param(error, 'limit'), 'character')}`,
        `${String(data).length} characters`,
      );
    case 'minProperties':
      return make(
        'too few properties',
        `at least ${plural(param(error, 'limit'), 'property', 'properties')}`,
        describeValue(data),
      );
    case 'uniqueItems':
      return make(
        'duplicate items',
        'no duplicates',
        `items ${String(param(error, 'j'))} and ${String(param(error, 'i'))} are equal`,
      );
    default:
      return make(
        error.message ?? `fails ${error.keyword}`,
        schemaTitle(error) ?? `valid ${error.keyword}`,
        describeValue(data),
      );
  }
}

export function ajvErrorsToProblems(
  file: string,
  errors: readonly ErrorObject[] | null | undefined,
): Problem[] {
  return (errors ?? []).flatMap((error) => ajvErrorToProblem(file, error) ?? []);
}
