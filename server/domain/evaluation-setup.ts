/**
 * What the evaluation forms start from (services/evaluation-setup.ts builds it, the view model
 * shows it), and the consistency of an AHP matrix as the form shows it.
 */
import type { AhpResult } from '../engine/methods/weighting/ahp-matrix.js';
import type { MethodChoices } from '../engine/types.js';
import type { Bilingual } from './bilingual.js';
import type { Evaluation } from './evaluation.js';
import type { Period } from './period.js';

export interface FrameworkChoice {
  readonly id: string;
  readonly version: string;
  readonly name: Bilingual;
}

/** A node whose children an AHP matrix may weigh: the root or a dimension with two children or more. */
export interface AhpNode {
  readonly id: string;
  readonly name: Bilingual;
  readonly children: readonly { readonly id: string; readonly name: Bilingual }[];
}

/** One version of the chosen framework the definitions catalogue holds, with the newest catalogue version holding it. */
export interface FrameworkVersionChoice {
  readonly version: string;
  readonly catalogueVersion: number;
  readonly createdAt: string;
}

export interface EvaluationSetup {
  readonly frameworks: readonly FrameworkChoice[];
  readonly framework: FrameworkChoice;
  /** Every version of the chosen framework, newest first (absent where no catalogue was given). */
  readonly frameworkVersions?: readonly FrameworkVersionChoice[];
  /** The version the form starts from: the newest, or for a new version the previous version's. */
  readonly frameworkVersion?: string;
  /** The framework's own choice for every stage (for a new version: the previous version's). */
  readonly defaults: MethodChoices;
  /** The root first, then the dimensions, in framework order. */
  readonly ahpNodes: readonly AhpNode[];
  readonly periods: readonly Period[];
  /** The latest published version of a line with this framework and exactly these periods. */
  readonly publishedLine: Evaluation | null;
}

export type AhpConsistency =
  ({ readonly ok: true } & AhpResult) | { readonly ok: false; readonly problems: readonly string[] };
