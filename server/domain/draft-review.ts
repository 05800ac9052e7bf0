/**
 * What a draft changes against the latest published evaluation of its framework, as the draft's
 * page shows it (services/review-draft.ts builds it): the method choices that differ, the periods,
 * the data batches, the units, and how the ranks moved (the engine's comparison of the two).
 */
import type { Evaluation } from './evaluation.js';
import type { JsonValue } from './json-value.js';

export interface ChoiceChange {
  readonly stage: string;
  readonly published: JsonValue;
  readonly draft: JsonValue;
}

export interface DraftReview<Comparison> {
  readonly published: Evaluation;
  readonly choices: readonly ChoiceChange[];
  readonly periodsChanged: boolean;
  readonly data: {
    readonly sameFingerprint: boolean;
    readonly draftBatches: number;
    readonly publishedBatches: number;
    readonly added: number;
    readonly removed: number;
  };
  readonly units: { readonly added: number; readonly removed: number; readonly common: number };
  /** The rankings compared at the first level and the latest period they share; null if they share none. */
  readonly ranks: Comparison | null;
}
