/**
 * The messages between the replication pool and its workers, and guards that narrow what arrives
 * (structured clone hands over `unknown`).
 *
 * main → worker: `init` once with the payload, then `run` with a batch of replication records.
 * worker → main: `done` with the batch's ranks and level ranks (run after run, transferred), or `failed`.
 */
import type { ReplicationPayload } from '../engine/uncertainty/payload.js';
import type { ReplicationRecord } from '../engine/uncertainty/record.js';
import type { ProblemDetail } from '../errors.js';

export interface InitMessage {
  readonly kind: 'init';
  readonly payload: ReplicationPayload;
}

export interface RunMessage {
  readonly kind: 'run';
  readonly records: readonly ReplicationRecord[];
}

export interface DoneMessage {
  readonly kind: 'done';
  readonly indices: readonly number[];
  /** The batch's ranks, one run after another (indices[k] at k × rowCount). */
  readonly ranks: Uint32Array;
  /** The batch's ranks of the levels above the units (indices[k] at k × level rows; empty without). */
  readonly levelRanks: Uint32Array;
}

export interface FailedMessage {
  readonly kind: 'failed';
  readonly index: number;
  readonly name: string;
  readonly message: string;
  readonly details: readonly ProblemDetail[];
}

export type ToWorker = InitMessage | RunMessage;
export type FromWorker = DoneMessage | FailedMessage;

function kindOf(message: unknown): unknown {
  return typeof message === 'object' && message !== null ? (message as { kind?: unknown }).kind : undefined;
}

export function isInitMessage(message: unknown): message is InitMessage {
  return kindOf(message) === 'init' && typeof (message as { payload?: unknown }).payload === 'object';
}

export function isRunMessage(message: unknown): message is RunMessage {
  return kindOf(message) === 'run' && Array.isArray((message as { records?: unknown }).records);
}

export function isDoneMessage(message: unknown): message is DoneMessage {
  const m = message as { indices?: unknown; ranks?: unknown; levelRanks?: unknown };
  return (
    kindOf(message) === 'done' &&
    Array.isArray(m.indices) &&
    m.ranks instanceof Uint32Array &&
    m.levelRanks instanceof Uint32Array
  );
}

export function isFailedMessage(message: unknown): message is FailedMessage {
  const m = message as { index?: unknown; message?: unknown };
  return kindOf(message) === 'failed' && typeof m.index === 'number' && typeof m.message === 'string';
}
