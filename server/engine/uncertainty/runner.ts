/**
 * Runs replications from a payload (payload.ts): the same code runs on the main thread and inside
 * each worker, so the ranks do not depend on where a replication runs.
 *
 * A replication only changes what its picks change. The normalised columns depend on the upstream
 * set (imputation × treatment picks) and the normalisation pick alone, so they are computed once per
 * such pair with the ordinary pipeline (on the upstream input) and kept; each replication then runs
 * the pipeline's own weight → aggregate stages from them with its weights and aggregation, and ranks
 * the root as the rank stage does (the other nodes' ranks are not kept, so not computed).
 * The replay tests check that this gives exactly the ranks of the full pipeline.
 *
 * @example
 * const runner = new ReplicationRunner(payload);
 * runner.ranks(record) // Uint32Array: the root's rank per row (1 = best, 0 = no rank)
 * runner.run(record).levelRanks // the streets' and districts' ranks in the same run
 */
import { checkEverything, runPipeline } from '../pipeline.js';
import { aggregateStage } from '../stages/aggregate.js';
import { SCORE_TIE_ULPS } from '../numeric/rank.js';
import { rankColumn } from '../stages/rank-column.js';
import { weightStage } from '../stages/weight.js';
import { initialState } from '../state.js';
import type { ColumnSet, EngineInput } from '../types.js';
import { levelRanker, type LevelRanker } from './level-ranks.js';
import { downstreamChoices, upstreamIndex, upstreamInput, type ReplicationPayload } from './payload.js';
import type { ReplicationRecord } from './record.js';

/** One run's ranks: the scored units' (root) and the levels above them (level-ranks.ts layout). */
export interface RunRanks {
  readonly ranks: Uint32Array;
  readonly levelRanks: Uint32Array;
}

export class ReplicationRunner {
  private readonly inputs = new Map<number, EngineInput>();
  private readonly normalised = new Map<string, ColumnSet>();
  readonly levels: LevelRanker | null;

  constructor(private readonly payload: ReplicationPayload) {
    this.levels = levelRanker(payload.units, payload.periodIds.length, payload.rollup);
  }

  /** Rows of `levelRanks` per run (0 without levels to rank). */
  get levelRowCount(): number {
    return this.levels?.rowCount ?? 0;
  }

  ranks(record: ReplicationRecord): Uint32Array {
    return this.run(record).ranks;
  }

  run(record: ReplicationRecord): RunRanks {
    const upstream = upstreamIndex(this.payload, record);
    const input = this.inputFor(upstream);
    const choices = downstreamChoices(this.payload.base, record);
    const key = `${upstream}/${record.picks.normalisation ?? 0}`;
    let normalised = this.normalised.get(key);
    if (normalised === undefined) {
      normalised = runPipeline(input, choices).normalised;
      this.normalised.set(key, normalised);
    }
    const { frame, prepared } = checkEverything(input, choices);
    const start = { ...initialState(frame, []), sets: { normalised }, current: normalised };
    const end = aggregateStage(weightStage(start, prepared), prepared);
    const scores = end.scores.values.get(this.payload.root);
    if (scores === undefined) throw new Error('uncertainty: the pipeline returned no scores for the root');
    // Only the root's ranks are kept: rank it as rankStage would, and leave the other nodes unranked.
    const ranks = rankColumn(scores, frame.unitCount, frame.periodCount, SCORE_TIE_ULPS);
    const levelRanks = this.levels === null ? new Uint32Array(0) : this.levels.ranks(scores);
    return { ranks, levelRanks };
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
