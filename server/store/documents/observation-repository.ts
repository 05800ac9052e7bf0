/**
 * Observations over the document port: the chunks of committed batches, read newest batch first,
 * so that for each unit the latest committed batch wins and earlier ones remain as history.
 * Returned batches are left out of current values; values are merged per variable in the order of
 * preference given, or the evaluations' default order (merge-sources.ts), so that a street's check
 * of a few variables never hides the rest of a community's own report.
 */
import { DEFAULT_SOURCE_ORDER, type DataSource } from '../../domain/data-source.js';
import type { Observation } from '../models/observation.js';
import type { ObservationQuery, ObservationStore } from '../store.js';
import { observationBatches, SELECTIVE_LOOKUP, usableObservationBatches } from './committed-batches.js';
import type { DocumentCollection } from './document-database.js';
import { mergeBySource } from './merge-sources.js';
import { asChunkDoc, decodeChunk } from './observation-chunks.js';

const byUnit = (a: Observation, b: Observation): number => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0);

export interface SourcedObservation extends Observation {
  readonly source: DataSource;
}

export class ObservationRepository implements ObservationStore {
  constructor(
    private readonly chunks: DocumentCollection,
    private readonly batches: DocumentCollection,
  ) {}

  async current(query: ObservationQuery): Promise<Observation[]> {
    const sources = query.sources ?? DEFAULT_SOURCE_ORDER;
    const usable = (await usableObservationBatches(this.batches, query.period)).filter((b) =>
      sources.includes(b.source),
    );
    const all = await this.rows(
      query.period,
      usable.map((b) => ({ id: b.id, sequence: b.sequence })),
      query.units,
    );
    const batchOf = new Map(usable.map((b) => [b.id, b]));
    const sourced: SourcedObservation[] = all.map((o) => {
      const batch = batchOf.get(o.batch);
      return { ...o, source: batch?.source ?? 'self', status: batch?.status ?? 'self' };
    });
    return mergeBySource(sourced, sources).sort(byUnit);
  }

  /** Every committed row, returned ones included, each with its batch's status. */
  async history(unit: string, period: string): Promise<Observation[]> {
    const batches = await observationBatches(this.batches, period);
    const statusOf = new Map(batches.map((b) => [b.id, b.status]));
    return (await this.rows(period, batches, [unit]))
      .map((o) => ({ ...o, status: statusOf.get(o.batch) ?? 'self' }))
      .sort((a, b) => b.sequence - a.sequence);
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

  /** Every observation of the period (for these units) stored under these batches. */
  private async rows(
    period: string,
    batches: readonly { readonly id: string; readonly sequence: number }[],
    units?: readonly string[],
  ): Promise<Observation[]> {
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
