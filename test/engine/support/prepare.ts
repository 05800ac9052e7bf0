/**
 * Prepares one method from a choice object, as the pipeline would, and returns its problems too.
 */
import { ParamReader } from '../../../server/engine/params.js';
import type { MethodDefinition } from '../../../server/engine/methods/method.js';
import type { ProblemDetail } from '../../../server/errors.js';
import type { EngineInput } from '../../../server/engine/types.js';
import { smallInput } from './small-input.js';

export const emptyInput: EngineInput = smallInput({
  units: ['a', 'b', 'c'],
  nodes: [{ id: 'pillar', weight: 1 }],
  indicators: [
    { id: 'x', parent: 'pillar', values: [[1, 2, 3]] },
    { id: 'y', parent: 'pillar', values: [[1, 2, 3]] },
  ],
  attributes: { peer: ['p', 'p', 'q'] },
});

export function prepareWith<P>(
  method: MethodDefinition<string, P>,
  params: Record<string, unknown> = {},
  input: EngineInput = emptyInput,
): { prepared: P; problems: ProblemDetail[] } {
  const reader = new ParamReader({ method: method.name, ...params }, 'methods.test');
  const prepared = method.prepare(reader, input);
  return { prepared, problems: reader.finish() };
}

/** Prepares a method whose parameters must be valid. */
export function prepared<P>(
  method: MethodDefinition<string, P>,
  params: Record<string, unknown> = {},
  input?: EngineInput,
): P {
  const { prepared: p, problems } = prepareWith(method, params, input);
  if (problems.length > 0) throw new Error(`unexpected problems: ${JSON.stringify(problems)}`);
  return p;
}

/** NaN-aware array from numbers and nulls. */
export function column(values: readonly (number | null)[]): Float64Array {
  return Float64Array.from(values, (v) => v ?? Number.NaN);
}

/** A column as an array with null for NaN, for deep equality. */
export function plain(values: Float64Array): (number | null)[] {
  return Array.from(values, (v) => (Number.isNaN(v) ? null : v));
}
