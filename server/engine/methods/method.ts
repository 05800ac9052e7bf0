/**
 * The shape every method shares. A method definition checks and completes its parameters once
 * (`prepare`), before any work; the prepared method carries the resolved parameters (for the log,
 * so the run can be replayed) and the function that does the work with them bound.
 *
 * @example
 * const prepared = minmax.prepare(new ParamReader({ method: 'minmax' }, 'methods.normalisation'), input);
 * prepared.params // { range: [0, 100] }
 */
import type { LogValue } from '../log.js';
import type { ParamReader } from '../params.js';
import type { EngineInput } from '../types.js';

export type ResolvedParams = Readonly<Record<string, LogValue>>;

export interface PreparedMethod<Run> {
  readonly name: string;
  readonly params: ResolvedParams;
  readonly run: Run;
}

export interface MethodDefinition<Name extends string, Prepared> {
  readonly name: Name;
  /** Reads the parameters (problems go to the reader) and binds them; `input` allows checks against the data's shape. */
  prepare(reader: ParamReader, input: EngineInput): Prepared;
}
