/**
 * Runs replications from a payload (payload.ts): the same code runs on the main thread and inside
 * each worker, so the ranks do not depend on where a replication runs. Upstream inputs are built on
 * first use and kept.
 *
 * @example
 * const runner = new ReplicationRunner(payload);
 * runner.ranks(record) // Uint32Array: the root's rank per row (1 = best, 0 = no rank)
 */
import { runPipeline } from '../pipeline.js';
import type { EngineInput } from '../types.js';
import { downstreamChoices, upstreamIndex, upstreamInput, type ReplicationPayload } from './payload.js';
import type { ReplicationRecord } from './record.js';

export class ReplicationRunner {
  private readonly inputs = new Map<number, EngineInput>();

  constructor(private readonly payload: ReplicationPayload) {}

  ranks(record: ReplicationRecord): Uint32Array {
    const index = upstreamIndex(this.payload, record);
    let input = this.inputs.get(index);
    if (input === undefined) {
      input = upstreamInput(this.payload, index);
      this.inputs.set(index, input);
    }
    const result = runPipeline(input, downstreamChoices(this.payload.base, record));
    const ranks = result.ranks.get(this.payload.root);
    if (ranks === undefined) throw new Error('uncertainty: the pipeline returned no ranks for the root');
    return ranks;
  }
}
