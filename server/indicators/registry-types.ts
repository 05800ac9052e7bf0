/**
 * What loadRegistry returns: every definition frozen with its content hash, each formula compiled
 * once, and each framework resolved into the tree, variables and methods the engine needs.
 *
 * For the engine: a ResolvedFramework is self-contained. `dimensions` come parents first, each
 * with `parentId` (the root id for a top-level dimension) and its weight within that parent;
 * `indicators` come in the framework's order with their dimension as `parentId`; `variables` is
 * the framework's raw-data vocabulary (what the data template asks for); `methods` is the
 * framework's method choice per stage as written (the engine fills in defaults).
 */
import type { DataRule } from './data-rules.js';
import type { CompiledFormula } from './formula/compile.js';
import type {
  Bilingual,
  DimensionDefinition,
  FrameworkDefinition,
  IndicatorDefinition,
  SurveyDefinition,
  VariableDeclaration,
} from './definitions.js';
import type { FrameworkMethods } from './method-params.js';
import type { Problem } from './problem.js';

export interface LoadedIndicator {
  readonly definition: IndicatorDefinition;
  /** Relative to the loaded folder, "/"-separated. */
  readonly file: string;
  /** sha256 of the definition's canonical JSON: evaluations cite it. */
  readonly hash: string;
  readonly formula: CompiledFormula;
  /** Its import rules and valid range, compiled (data-rules.ts). */
  readonly rules: readonly DataRule[];
}

export interface LoadedDimension {
  readonly definition: DimensionDefinition;
  readonly file: string;
  readonly hash: string;
}

export interface LoadedSurvey {
  readonly definition: SurveyDefinition;
  readonly file: string;
  /** sha256 of the definition's canonical JSON: evaluations cite it. */
  readonly hash: string;
}

/** A survey indicator as a framework reports it, with its minimum sample filled in. */
export interface ResolvedSurvey {
  readonly id: string;
  readonly definition: SurveyDefinition;
  readonly hash: string;
  readonly minSample: number;
}

export interface LoadedFramework {
  readonly definition: FrameworkDefinition;
  readonly file: string;
  /** Covers the framework file and the hash of every dimension and indicator it uses. */
  readonly hash: string;
}

export interface ResolvedDimension {
  readonly id: string;
  /** The parent dimension, or the framework's root id for a top-level dimension. */
  readonly parentId: string;
  /** Weight within the parent, as the framework sets it. */
  readonly weight: number;
  /** 1 for a dimension directly under the root, 2 below that, … */
  readonly depth: number;
  readonly definition: DimensionDefinition;
  readonly hash: string;
}

export interface ResolvedIndicator {
  readonly id: string;
  /** The indicator's dimension. */
  readonly parentId: string;
  /** Weight within its dimension, as the framework sets it. */
  readonly weight: number;
  /** Its dimension's depth + 1. */
  readonly depth: number;
  readonly definition: IndicatorDefinition;
  readonly hash: string;
  readonly formula: CompiledFormula;
}

/** One raw variable of the framework: the declaration its indicators share, and who uses it. */
export interface ResolvedVariable extends VariableDeclaration {
  readonly name: string;
  /** Ids of the framework's indicators whose formula reads the variable, in framework order. */
  readonly usedBy: readonly string[];
}

/** A problem in one data record (no file: the caller knows where the record came from). */
export type RecordProblem = Omit<Problem, 'file'>;

export type RecordCheck =
  { readonly ok: true } | { readonly ok: false; readonly problems: readonly RecordProblem[] };

export interface ResolvedFramework {
  readonly definition: FrameworkDefinition;
  readonly hash: string;
  readonly root: { readonly id: string; readonly name: Bilingual };
  /** Parents before children; siblings in the framework's order. */
  readonly dimensions: readonly ResolvedDimension[];
  /** In the framework's order. */
  readonly indicators: readonly ResolvedIndicator[];
  /** In order of first use by the indicators, each indicator's variables in declaration order. */
  readonly variables: readonly ResolvedVariable[];
  /**
   * The merged record schema: { variable: number | null }, every variable optional (missing data
   * is allowed and flagged later) but types and bounds enforced; no other property.
   */
  readonly recordSchema: Readonly<Record<string, unknown>>;
  /** Checks one record against recordSchema (compiled once per framework). */
  readonly validateRecord: (record: unknown) => RecordCheck;
  /** The import rules and valid ranges of its indicators, in framework order. */
  readonly rules: readonly DataRule[];
  readonly methods: FrameworkMethods;
  /** The survey indicators it reports beside the index, in the framework's order (none when absent). */
  readonly surveys: readonly ResolvedSurvey[];
}

export interface Registry {
  /** The folder the definitions were loaded from. */
  readonly dir: string;
  readonly indicators: ReadonlyMap<string, LoadedIndicator>;
  readonly dimensions: ReadonlyMap<string, LoadedDimension>;
  readonly frameworks: ReadonlyMap<string, LoadedFramework>;
  readonly surveys: ReadonlyMap<string, LoadedSurvey>;
  /** Throws NotFoundError for an unknown framework id. */
  resolveFramework(id: string): ResolvedFramework;
}
