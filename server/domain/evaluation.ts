/**
 * An evaluation as stored and as the reports read it: a frozen framework, method choices, a data
 * fingerprint, a status (draft, then published and immutable), its results and its place in a
 * line of versions. The store validates drafts (store/models/evaluation.ts).
 */
import type { Bilingual } from './bilingual.js';
import type { JsonValue } from './json-value.js';

export type EvaluationStatus = 'draft' | 'published';

export interface FrameworkSnapshot {
  readonly id: string;
  readonly version: string;
  /** Hash of the resolved framework as evaluated. */
  readonly hash: string;
  /** Hash of each definition it used (indicators, dimensions), by id. */
  readonly hashes: Readonly<Record<string, string>>;
  /** The resolved framework itself, so the evaluation can be regenerated. */
  readonly definition: JsonValue;
}

export interface ResultsInfo {
  /** Size of the results as JSON text, in bytes. */
  readonly bytes: number;
  /** Hex SHA-256 of that JSON text. */
  readonly sha256: string;
  readonly storedAt: string;
}

/** Why a new version was made: bilingual, or plain text in whatever language it was written. */
export type VersionReason = Bilingual | string;

export interface Evaluation {
  readonly id: string;
  readonly label: Bilingual | null;
  readonly framework: FrameworkSnapshot;
  readonly methods: JsonValue;
  readonly periods: readonly string[];
  readonly dataFingerprint: string;
  readonly status: EvaluationStatus;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly publishedAt: string | null;
  readonly publishedBy: string | null;
  /** Null until results are stored. */
  readonly results: ResultsInfo | null;
  /** 1 for the first evaluation of a line. */
  readonly version: number;
  /** The id of the evaluation this one replaces; null for version 1. */
  readonly supersedes: string | null;
  /** The id of the line's first version (its own id for version 1). */
  readonly lineage: string;
  /** Why this version was made; null for version 1. */
  readonly reason: VersionReason | null;
  /** The Monte Carlo settings it ran with; null when it ran none (or was stored before they were kept). */
  readonly uncertainty: JsonValue | null;
}
