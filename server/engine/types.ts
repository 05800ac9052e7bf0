/**
 * The engine's input and output types. Columns are Float64Array with NaN for a missing cell and a
 * parallel Uint8Array of reason codes (missing-reasons.ts). Rows are unit × period pairs laid out
 * period by period: row = period * unitCount + unit.
 *
 * @example
 * const input: EngineInput = { units: { codes: ['a', 'b'] }, periods: [{ id: '2024', variables }], tree };
 */
import type { MissingCodeValue } from './missing-reasons.js';

/** What a compiled formula returns for a whole column of units. */
export interface ComputedColumn {
  readonly values: Float64Array;
  readonly reasons: Uint8Array;
}

/**
 * A compiled indicator formula, evaluated over whole columns (the registry's compiled formulas provide
 * this). It returns fresh arrays of `length` entries, which the engine then owns and may modify.
 */
export interface ColumnFormula {
  evaluateColumns(
    columns: ReadonlyMap<string, Float64Array>,
    length: number,
    /** Where to write the rows instead of fresh arrays (a formula may ignore it; the engine checks). */
    into?: { values: Float64Array; reasons: Uint8Array },
  ): ComputedColumn;
}

/** +1: higher is better; -1: lower is better. */
export type Direction = 1 | -1;

/** Floor and target in the indicator's own unit; for a "lower is better" indicator the target is below the floor. */
export interface Goalposts {
  readonly floor: number;
  readonly target: number;
}

/** Traffic-light cut points in the indicator's unit, read in the indicator's direction. */
export interface Thresholds {
  readonly green: number;
  readonly yellow: number;
  readonly orange: number;
}

export type AppliesTo = 'all' | 'urban' | 'rural';

/** When a target override applies (server/engine/targets/): every condition given must hold. */
export interface TargetConditions {
  /** The unit's `peer_group` attribute. */
  readonly peerGroup?: string;
  readonly urbanRural?: Settlement;
  /** The units' level name (EngineUnits.level; roll-up levels by LevelDiagnosticsOptions.levelNames). */
  readonly level?: string;
  readonly period?: string;
}

/** An indicator's goalposts and/or thresholds replaced where its conditions hold (targets that fit). */
export interface TargetOverride {
  readonly indicator: string;
  readonly when: TargetConditions;
  readonly goalposts?: Goalposts;
  readonly thresholds?: Thresholds;
}

/** A leaf of the tree. */
export interface EngineIndicator {
  readonly id: string;
  /** The aggregate node (dimension or root) this indicator belongs to. */
  readonly parent: string;
  /** Weight within its parent, relative to its siblings. */
  readonly weight: number;
  readonly direction: Direction;
  /** The variables the formula reads (so that a bad input can be named as the reason). */
  readonly inputs: readonly string[];
  readonly compute: ColumnFormula;
  readonly goalposts?: Goalposts;
  readonly thresholds?: Thresholds;
  readonly appliesTo?: AppliesTo;
  /** Values outside this range are implausible (a share above 100 %): they become missing as invalid_input. */
  readonly validRange?: { readonly minimum?: number; readonly maximum?: number };
}

/** An inner node of the tree (a dimension, pillar or sub-index). The root is not listed here. */
export interface EngineNode {
  readonly id: string;
  /** The parent node; absent means the node sits directly under the root. */
  readonly parent?: string;
  readonly weight: number;
}

export interface EngineTree {
  readonly root: string;
  readonly nodes: readonly EngineNode[];
  readonly indicators: readonly EngineIndicator[];
}

/** The declared range of one input variable: values breaking it become missing as invalid_input. */
export interface VariableSpec {
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly integer?: boolean;
}

export type Settlement = 'urban' | 'rural';

export interface EngineUnits {
  readonly codes: readonly string[];
  /** Categorical attributes (peer group, region …), one entry per unit; undefined = unknown. */
  readonly attributes?: ReadonlyMap<string, readonly (string | undefined)[]>;
  /** Resident population per unit (NaN = unknown), used by population-weighted roll-up. */
  readonly population?: Float64Array;
  /** The code of each unit's parent unit (street of a community …), if any. */
  readonly parents?: readonly (string | undefined)[];
  /** The parent of each unit above the scored level (street → district → city), for roll-up. */
  readonly ancestors?: ReadonlyMap<string, string>;
  readonly settlement?: readonly (Settlement | undefined)[];
  /** The level these units sit at ('community' …), matched by target overrides' `level`. */
  readonly level?: string;
}

export interface EnginePeriod {
  readonly id: string;
  /** Raw variables, one Float64Array per variable with one entry per unit (NaN = missing). */
  readonly variables: ReadonlyMap<string, Float64Array>;
}

/** The own data of the units one level up (streets' own records), for the own_data roll-up. */
export interface EngineLevelData {
  readonly units: EngineUnits;
  readonly periods: readonly EnginePeriod[];
}

export interface EngineInput {
  readonly units: EngineUnits;
  /** Periods in chronological order (last_period imputation and trends rely on it). */
  readonly periods: readonly EnginePeriod[];
  readonly tree: EngineTree;
  readonly variables?: ReadonlyMap<string, VariableSpec>;
  /** Level by level above the scored units (index 0: their parents), for the own_data roll-up. */
  readonly parentData?: readonly EngineLevelData[];
  /** Targets that fit: overrides of goalposts and thresholds, most specific first, then list order. */
  readonly targetOverrides?: readonly TargetOverride[];
}

/** One method choice as a framework writes it: `{ "method": "minmax", "range": [0, 100] }`. */
export interface MethodChoice {
  readonly method: string;
  readonly [parameter: string]: unknown;
}

/** The method choice per stage; an absent stage takes its default (see choices.ts). */
export interface MethodChoices {
  readonly imputation?: MethodChoice;
  readonly screening?: MethodChoice;
  readonly treatment?: MethodChoice;
  readonly normalisation?: MethodChoice;
  readonly weighting?: MethodChoice;
  readonly aggregation?: MethodChoice;
  readonly rollup?: MethodChoice;
  readonly periods?: MethodChoice;
  /**
   * Whose medians a unit is held against: `{ method: 'register' }` (the register's peer_group, the
   * default) or `{ method: 'nearest', k, attributes }` (server/engine/context/peers/peer-choice.ts).
   */
  readonly peers?: MethodChoice;
  /** Seed for anything random (Monte Carlo); recorded so a run can be replayed. */
  readonly seed?: number;
  /** Also rank every indicator's normalised values (the score command writes them); off by default. */
  readonly rankIndicators?: boolean;
  /** Progress over several periods: base period and target period (context/progress/progress-settings.ts). */
  readonly progress?: { readonly base?: string; readonly target_period?: string };
  /**
   * The score expected from the base units' structural attributes (server/engine/context/expected/):
   * `{ attributes: ['resident_population', 'urban_rural'], log: ['resident_population'] }`, or
   * `{ method: 'none' }`; absent, on with every numeric attribute all base units carry.
   */
  readonly expected?: {
    readonly method?: string;
    readonly attributes?: readonly string[];
    readonly log?: readonly string[];
  };
  /**
   * Which data sources count, most preferred first (`['third_party', 'street', 'self']` when
   * absent); read when the data are loaded (server/evaluation/source-order.ts), not by the stages.
   */
  readonly sources?: readonly string[];
}

/** Values and why-missing codes for a set of named columns (indicators or tree nodes). */
export interface ColumnSet {
  readonly values: ReadonlyMap<string, Float64Array>;
  readonly reasons: ReadonlyMap<string, Uint8Array>;
}

export type { MissingCodeValue };
