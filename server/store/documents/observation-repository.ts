/**
 * Observations over the document port: the chunks of committed batches, read newest batch first,
 * so that for each unit the latest committed batch wins and earlier ones remain as history.
 */
import type { Observation } from '../models/observation.js';
import type { ObservationQuery, ObservationStore } from '../store.js';
import { committedBatches, SELECTIVE_LOOKUP } from './committed-batches.js';
import type { DocumentCollection } from './document-database.js';
import { asChunkDoc, decodeChunk } from './observation-chunks.js';

const byUnit = (a: Observation, b: Observation): number => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0);

export class ObservationRepository implements ObservationStore {
  constructor(
    private readonly chunks: DocumentCollection,
    private readonly batches: DocumentCollection,
  ) {}

  async current(query: ObservationQuery): Promise<Observation[]> {
    const all = await this.committed(query.period, query.units);
    const latest = new Map<string, Observation>();
    for (const observation of all) {
      const seen = latest.get(observation.unit);
      if (seen === undefined || observation.sequence > seen.sequence)
        latest.set(observation.unit, observation);
    }
    return [...latest.values()].sort(byUnit);
  }

  async history(unit: string, period: string): Promise<Observation[]> {
    return (await this.committed(period, [unit])).sort((a, b) => b.sequence - a.sequence);
  }

  async periods(): Promise<string[]> {
    const docs = await this.batches.find(
      { kind: 'observations', status: 'committed' },
      { fields: ['periods'] },
    );
    const periods = new Set(
      docs.flatMap((doc) => (Array.isArray(doc.periods) ? doc.periods.map(String) : [])),
    );
    return [...periods].sort();
  }

  /** Every committed observation of the period (for these units), from every committed batch. */
  private async committed(period: string, units?: readonly string[]): Promise<Observation[]> {
    const batches = await committedBatches(this.batches, 'observations', period);
    if (batches.length === 0) return [];
    const sequenceOf = new Map(batches.map((b) => [b.id, b.sequence]));
    const filter: Record<string, unknown> = { period, batch: { $in: [...sequenceOf.keys()] } };
    // An indexed lookup pays for a few units; for many, reading every chunk once is cheaper.
    if (units !== undefined && units.length <= SELECTIVE_LOOKUP) filter.units = { $in: [...units] };
    const only = units === undefined ? undefined : new Set(units);
    const docs = (await this.chunks.find(filter)).map(asChunkDoc);
    const decoded = await Promise.all(docs.map((doc) => decodeChunk(doc, only)));
    return docs.flatMap((doc, i) =>
      (decoded[i] ?? []).map((row) => ({
        unit: row.unit,
        period,
        values: row.values,
        batch: doc.batch,
        sequence: sequenceOf.get(doc.batch) ?? 0,
      })),
    );
  }
}
