/**
 * Evaluations: a frozen framework (definition and hashes), the method choices, a fingerprint of
 * the data used, a status (draft, then published and immutable) and the results. Results are an
 * opaque JSON value the engine defines; the store keeps them compressed in chunks so a
 * 10,000-unit result reads back in well under a second.
 *
 * A published evaluation never changes; a correction is a new version that supersedes it. The
 * versions of one evaluation form a line: version 1, 2, 3 …, each citing the one before, all
 * sharing the first version's id as their `lineage`.
 *
 * @example { id: 'ev_b', version: 2, supersedes: 'ev_a', lineage: 'ev_a', reason: { zh: '改用熵权法', en: 'entropy weights' } }
 */
import { ConflictError } from '../../errors.js';
import { bilingualSchema, ID_PATTERN, NAME_PATTERN, type Bilingual } from './common.js';
import { versionReasonSchema } from '../../domain/schemas.js';
import { PERIOD_ID_PATTERN } from './period.js';
import { compileValidator } from '../../validation/compile.js';
import type { JsonValue } from '../store.js';
import type { EvaluationStatus, FrameworkSnapshot, VersionReason } from '../../domain/evaluation.js';

export type {
  Evaluation,
  EvaluationStatus,
  FrameworkSnapshot,
  ResultsInfo,
  VersionReason,
} from '../../domain/evaluation.js';

export interface EvaluationDraft {
  /** Chosen by the caller, or generated. */
  readonly id?: string;
  readonly label?: Bilingual;
  /**
   * The published evaluation this draft replaces; it must be the latest of its line. The store
   * works out the version number and the lineage. Needs `reason`.
   */
  readonly supersedes?: string;
  readonly reason?: VersionReason;
  /** The Monte Carlo settings the evaluation ran with, so a new version can run them again. */
  readonly uncertainty?: JsonValue;
  readonly framework: FrameworkSnapshot;
  readonly methods: JsonValue;
  readonly periods: readonly string[];
  /** Fingerprint of the observations used (e.g. the batches and their sequences, hashed). */
  readonly dataFingerprint: string;
  readonly createdBy: string;
}

const shortText = { type: 'string', minLength: 1, maxLength: 200 } as const;

export { versionReasonSchema };

export const asEvaluationDraft = compileValidator<EvaluationDraft>('evaluation', {
  type: 'object',
  additionalProperties: false,
  required: ['framework', 'methods', 'periods', 'dataFingerprint', 'createdBy'],
  // A version says why it was made; only a version has a reason.
  dependencies: { supersedes: ['reason'], reason: ['supersedes'] },
  properties: {
    id: { type: 'string', pattern: ID_PATTERN },
    label: bilingualSchema,
    supersedes: { type: 'string', pattern: ID_PATTERN },
    reason: versionReasonSchema,
    uncertainty: { type: 'object' },
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

/** Why an evaluation cannot be superseded: it is a draft (published ones only). */
export function draftNotSupersedable(id: string): ConflictError {
  return new ConflictError(
    `evaluation ${id} is a draft: only a published evaluation can be superseded (change the draft itself, or publish it first)`,
  );
}

/** Why an evaluation cannot be superseded: it already has a successor, an open draft or a newer version. */
export function alreadySuperseded(
  id: string,
  successor: { readonly id: string; readonly status: EvaluationStatus },
): ConflictError {
  return successor.status === 'draft'
    ? new ConflictError(
        `evaluation ${id} already has an open draft version ${successor.id}: publish or delete that draft first`,
      )
    : new ConflictError(
        `evaluation ${id} was superseded by ${successor.id}: make the new version from the latest of its line`,
      );
}
