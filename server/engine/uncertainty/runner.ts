/**
 * Runs replications from a payload (payload.ts): the same code runs on the main thread and inside
 * each worker, so the ranks do not depend on where a replication runs.
 *
 * A replication only changes what its picks change. The normalised columns depend on the upstream
 * set (imputation × treatment picks) and the normalisation pick alone, so they are made once per such
 * combination with the pipeline's own stages (on the upstream input) and kept in a bounded cache
 * (combinations.ts); each replication then weighs with its weights (a weighting that does not vary is
 * run once per combination too), aggregates (run-scores.ts: the arithmetic and geometric means over
 * the cached columns and logarithms, any other method by the aggregate stage) and ranks the root as
 * the rank stage does (the other nodes' ranks are not kept, so not computed).
 * The replay tests check that this gives exactly the ranks of the full pipeline.
 *
 * @example
 * const runner = new ReplicationRunner(payload);
 * runner.ranks(record) // Uint32Array: the root's rank per row (1 = best, 0 = no rank)
 * runner.run(record).levelRanks // the streets' and districts' ranks in the same run
 */
import type { ProblemDetail } from '../../errors.js';
import { prepareChoices, type PreparedChoices } from '../choices.js';
import { checkEverything } from '../pipeline.js';
import type { Frame } from '../state.js';
import { SCORE_TIE_ULPS } from '../numeric/rank.js';
import { rankColumn } from '../stages/rank-column.js';
import type { ColumnSet, EngineInput, MethodChoices } from '../types.js';
import { CombinationCache, combinationKey, normalisedColumns } from './combinations.js';
import { levelRanker, type LevelRanker } from './level-ranks.js';
import { downstreamChoices, upstreamIndex, upstreamInput, type ReplicationPayload } from './payload.js';
import type { ReplicationRecord } from './record.js';
import { RunScratch, runRootScores } from './run-scores.js';

/** One run's ranks: the scored units' (root) and the levels above them (level-ranks.ts layout). */
export interface RunRanks {
  readonly ranks: Uint32Array;
  readonly levelRanks: Uint32Array;
}

export class ReplicationRunner {
  private readonly inputs = new Map<number, EngineInput>();
  private readonly frames = new Map<number, Frame>();
  private readonly scratch = new RunScratch();
  private readonly combinations: CombinationCache;
  /** The weights of runs whose weighting does not vary: per combination, as the method gave them. */
  private readonly fixedWeights = new Map<string, ReadonlyMap<string, Float64Array>>();
  private readonly shared: ReadonlyMap<string, ColumnSet>;
  readonly levels: LevelRanker | null;

  constructor(
    private readonly payload: ReplicationPayload,
    cacheBytes?: number,
  ) {
    this.levels = levelRanker(payload.units, payload.periodIds.length, payload.rollup);
    this.combinations = new CombinationCache(cacheBytes);
    this.shared = new Map((payload.combinations ?? []).map((c) => [c.key, c.normalised]));
  }

  /** Rows of `levelRanks` per run (0 without levels to rank). */
  get levelRowCount(): number {
    return this.levels?.rowCount ?? 0;
  }

  /** Combinations of picks whose normalised columns are kept (for tests). */
  get cachedCombinations(): number {
    return this.combinations.size;
  }

  ranks(record: ReplicationRecord): Uint32Array {
    return this.run(record).ranks;
  }

  run(record: ReplicationRecord): RunRanks {
    const { scores, unitCount, periodCount } = this.rootScores(record);
    // Only the root's ranks are kept: rank it as rankStage would, and leave the other nodes unranked.
    const ranks = rankColumn(scores, unitCount, periodCount, SCORE_TIE_ULPS);
    const levelRanks = this.levels === null ? new Uint32Array(0) : this.levels.ranks(scores);
    return { ranks, levelRanks };
  }

  /** The root's scores of one run (as runPipeline's with the record's choices), with the frame's sizes. */
  rootScores(record: ReplicationRecord): { scores: Float64Array; unitCount: number; periodCount: number } {
    const upstream = upstreamIndex(this.payload, record);
    const input = this.inputFor(upstream);
    const choices = downstreamChoices(this.payload.base, record);
    const { frame, prepared } = this.check(upstream, input, choices);
    const key = combinationKey(this.payload, record);
    const combination = this.combinations.get(
      key,
      () => this.shared.get(key) ?? normalisedColumns(input, choices),
    );
    const normalised = combination.normalised.values;
    let weights: ReadonlyMap<string, Float64Array> | undefined;
    if (record.choices.weighting === undefined) weights = this.fixedWeights.get(key);
    if (weights === undefined) {
      weights = prepared.weighting.run({ tree: frame.tree, normalised }).weights;
      if (record.choices.weighting === undefined) this.fixedWeights.set(key, weights);
    }
    const scores = runRootScores(frame, prepared, weights, combination, this.scratch);
    this.combinations.trim();
    return { scores, unitCount: frame.unitCount, periodCount: frame.periodCount };
  }

  /**
   * checkEverything, with the input and tree checked once per upstream set (they are the same for
   * every run on it) and the choices every run; a run whose choices have a problem gets
   * checkEverything's own error.
   */
  private check(
    upstream: number,
    input: EngineInput,
    choices: MethodChoices,
  ): { frame: Frame; prepared: PreparedChoices } {
    const frame = this.frames.get(upstream);
    if (frame === undefined) {
      const checked = checkEverything(input, choices);
      this.frames.set(upstream, checked.frame);
      return checked;
    }
    const problems: ProblemDetail[] = [];
    const prepared = prepareChoices(input, choices, problems);
    return problems.length === 0 ? { frame, prepared } : checkEverything(input, choices);
  }

  private inputFor(upstream: number): EngineInput {
    let input = this.inputs.get(upstream);
    if (input === undefined) {
      input = upstreamInput(this.payload, upstream);
      this.inputs.set(upstream, input);
    }
    return input;
  }
}
