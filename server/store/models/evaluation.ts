/**
 * Evaluations: a frozen framework (definition and hashes), the method choices, a fingerprint of
 * the data used, a status (draft, then published and immutable) and the results. Results are an
 * opaque JSON value the engine defines; the store keeps them compressed in chunks so a
 * 10,000-unit result reads back in well under a second.
 */
import { bilingualSchema, ID_PATTERN, NAME_PATTERN, type Bilingual } from './common.js';
import { PERIOD_ID_PATTERN } from './period.js';
import { compileValidator } from '../validation/compile.js';
import type { JsonValue } from '../store.js';

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

export interface EvaluationDraft {
  /** Chosen by the caller, or generated. */
  readonly id?: string;
  readonly label?: Bilingual;
  readonly framework: FrameworkSnapshot;
  readonly methods: JsonValue;
  readonly periods: readonly string[];
  /** Fingerprint of the observations used (e.g. the batches and their sequences, hashed). */
  readonly dataFingerprint: string;
  readonly createdBy: string;
}

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
}

const shortText = { type: 'string', minLength: 1, maxLength: 200 } as const;

export const asEvaluationDraft = compileValidator<EvaluationDraft>('evaluation', {
  type: 'object',
  additionalProperties: false,
  required: ['framework', 'methods', 'periods', 'dataFingerprint', 'createdBy'],
  properties: {
    id: { type: 'string', pattern: ID_PATTERN },
    label: bilingualSchema,
    framework: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'version', 'hash', 'hashes', 'definition'],
      properties: {
        id: { type: 'string', pattern: NAME_PATTERN },
        version: shortText,
        hash: shortText,
        hashes: { type: 'object', additionalProperties: shortText },
        definition: {},
      },
    },
    methods: { type: 'object' },
    periods: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { type: 'string', pattern: PERIOD_ID_PATTERN },
    },
    dataFingerprint: shortText,
    createdBy: shortText,
  },
});
