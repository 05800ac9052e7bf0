/**
 * TypeScript shapes of the three definition kinds. They mirror indicators/*.schema.json: a value
 * reaches these types only after the schema validator accepted it (see schemas.ts).
 */
import type { MissingReason } from '../engine/missing-reasons.js';
import type { SurveyDefinition } from './survey-definition.js';

export type { SurveyDefinition, SurveyLevel, SurveyStatistic } from './survey-definition.js';

/** Bilingual text, Chinese first. */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

export interface VariableDeclaration {
  readonly type: 'number' | 'integer';
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly unit: Bilingual;
  readonly label: Bilingual;
}

export interface InputsSchema {
  readonly type: 'object';
  readonly properties: Readonly<Record<string, VariableDeclaration>>;
  readonly required: readonly string[];
}

export interface Goalpost {
  readonly value: number;
  readonly justification: Bilingual;
}

export interface Fixture {
  readonly name: string;
  readonly inputs: Readonly<Record<string, number | null>>;
  readonly expected: number | null;
  readonly reason?: Exclude<
    MissingReason,
    'invalid_input' | 'screened_out' | 'not_applicable' | 'sample_too_small'
  >;
  /** The rules (by check text) and "valid_range" that the fixture's inputs break. */
  readonly breaches?: readonly string[];
}

export type RuleSeverity = 'error' | 'warning';

/** A plausibility check over an indicator's input variables, applied to every imported row. */
export interface DataRuleDefinition {
  readonly check: string;
  readonly severity: RuleSeverity;
  readonly message: Bilingual;
}

/** The range an indicator's value must fall in at import. */
export interface ValidRange {
  readonly minimum?: number;
  readonly maximum?: number;
  readonly severity: RuleSeverity;
}

export interface IndicatorDefinition {
  readonly kind: 'indicator';
  readonly id: string;
  readonly version: string;
  readonly name: Bilingual;
  readonly description: Bilingual;
  readonly dimension: string;
  readonly rationale: Bilingual;
  readonly source: readonly { readonly ref: string; readonly note?: Bilingual }[];
  readonly unit: Bilingual;
  readonly direction: 'higher' | 'lower';
  readonly inputs: InputsSchema;
  readonly formula: string;
  readonly goalposts: { readonly floor: Goalpost; readonly target: Goalpost };
  readonly thresholds: { readonly green: number; readonly yellow: number; readonly orange: number };
  readonly weight: number;
  readonly applies_to: 'urban' | 'rural' | 'all';
  readonly valid_range?: ValidRange;
  readonly rules?: readonly DataRuleDefinition[];
  readonly fixtures: readonly Fixture[];
}

export interface DimensionDefinition {
  readonly kind: 'dimension';
  readonly id: string;
  readonly name: Bilingual;
  readonly description: Bilingual;
  readonly weight: number;
  readonly parent?: string;
}

/** A stage choice as written in a framework file: the method name plus that method's parameters. */
export type StageChoiceInput = { readonly method: string } & Readonly<Record<string, unknown>>;

export interface FrameworkMember {
  readonly id: string;
  readonly weight: number;
}

export interface FrameworkDefinition {
  readonly kind: 'framework';
  readonly id: string;
  readonly version: string;
  readonly name: Bilingual;
  readonly description: Bilingual;
  readonly root: { readonly id: string; readonly name: Bilingual };
  readonly dimensions: readonly FrameworkMember[];
  readonly indicators: readonly FrameworkMember[];
  readonly methods: Readonly<Record<StageName, StageChoiceInput>>;
  /** Period-over-period jump checks at import (check-jumps.ts). */
  readonly jumps?: JumpLimits;
  /** Targets that fit: goalposts and thresholds per peer group, settlement, level or period (check-overrides.ts). */
  readonly overrides?: readonly TargetOverrideDefinition[];
  /** Survey indicators reported beside the index (check-surveys.ts). */
  readonly surveys?: readonly string[];
}

/** One override as a framework writes it; every condition of `when` must hold. */
export interface TargetOverrideDefinition {
  readonly indicator: string;
  readonly when: {
    readonly peer_group?: string;
    readonly urban_rural?: 'urban' | 'rural';
    readonly level?: 'city' | 'district' | 'street' | 'community';
    readonly period?: string;
  };
  readonly goalposts?: { readonly floor: number; readonly target: number };
  readonly thresholds?: { readonly green: number; readonly yellow: number; readonly orange: number };
  readonly justification: Bilingual;
}

export interface JumpLimits {
  /** A value more than factor × (or less than 1 / factor ×) the previous period's is a warning. */
  readonly factor?: number;
  /** A value more than robust_sd robust standard deviations from the median of earlier periods is a warning. */
  readonly robust_sd?: number;
}

export type StageName =
  | 'imputation'
  | 'screening'
  | 'treatment'
  | 'normalisation'
  | 'weighting'
  | 'aggregation'
  | 'rollup'
  | 'periods';

export type Definition = IndicatorDefinition | DimensionDefinition | FrameworkDefinition | SurveyDefinition;
export type DefinitionKind = Definition['kind'];
