/**
 * The shape every method shares. A method declares, beside its code, the parameters it takes (a JSON
 * Schema: the framework schema, the registry's checks, the CLI help and the page labels are derived
 * from it) and its name in Chinese and English with a one-line plain explanation. Its definition
 * checks and completes its parameters once (`prepare`), before any work; the prepared method carries
 * the resolved parameters (for the log, so the run can be replayed) and the function that does the
 * work with them bound.
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

/** A text users read, in both languages. */
export interface BilingualLine {
  readonly zh: string;
  readonly en: string;
}

/** The JSON Schema of one parameter (plain data: the engine compiles nothing). */
export type ParamSchema = Readonly<Record<string, unknown>>;

/** The JSON Schema of a method's parameters, beside `method` in a framework's `methods.<stage>`. */
export interface ParamsSchema {
  readonly type: 'object';
  readonly properties: Readonly<Record<string, ParamSchema>>;
  readonly required: readonly string[];
  readonly additionalProperties: false;
}

/** What a method says about itself: its name, its parameters and its labels. */
export interface MethodDeclaration<Name extends string> {
  readonly name: Name;
  readonly params: ParamsSchema;
  /** The method's name as a report shows it. */
  readonly label: BilingualLine;
  /** One plain sentence on what the method does. */
  readonly explain: BilingualLine;
}

export interface MethodDefinition<Name extends string, Prepared> extends MethodDeclaration<Name> {
  /** Reads the parameters (problems go to the reader) and binds them; `input` allows checks against the data's shape. */
  prepare(reader: ParamReader, input: EngineInput): Prepared;
}
