/**
 * Survey respondents over the document port. Per unit and period the latest committed batch that
 * holds respondents of that unit wins, whole: a later survey file for a community replaces its
 * respondents, it does not add to them; earlier batches remain as history.
 */
import type { Response } from '../models/response.js';
import type { ResponseQuery, ResponseStore } from '../store.js';
import { committedBatches } from './committed-batches.js';
import type { DocumentCollection } from './document-database.js';
import { asResponseChunkDoc, decodeResponseChunk } from './response-chunks.js';

export class ResponseRepository implements ResponseStore {
  constructor(
    private readonly chunks: DocumentCollection,
    private readonly batches: DocumentCollection,
  ) {}

  async current(query: ResponseQuery): Promise<Response[]> {
    const batches = await committedBatches(this.batches, 'responses', query.period);
    if (batches.length === 0) return [];
    const sequenceOf = new Map(batches.map((b) => [b.id, b.sequence]));
    const docs = (
      await this.chunks.find({ period: query.period, batch: { $in: [...sequenceOf.keys()] } })
    ).map(asResponseChunkDoc);
    const only = query.units === undefined ? undefined : new Set(query.units);
    const all: Response[] = [];
    for (const doc of docs) {
      const sequence = sequenceOf.get(doc.batch) ?? 0;
      for (const row of await decodeResponseChunk(doc)) {
        if (only === undefined || only.has(row.unit)) all.push({ ...row, batch: doc.batch, sequence });
      }
    }
    // The winning batch of each unit: the highest sequence among those holding its respondents.
    const winner = new Map<string, number>();
    for (const r of all) winner.set(r.unit, Math.max(winner.get(r.unit) ?? 0, r.sequence));
    return all
      .filter((r) => winner.get(r.unit) === r.sequence)
      .sort((a, b) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
  }

  async periods(): Promise<string[]> {
    const docs = await this.batches.find({ kind: 'responses', status: 'committed' }, { fields: ['periods'] });
    const periods = new Set(
      docs.flatMap((doc) => (Array.isArray(doc.periods) ? doc.periods.map(String) : [])),
    );
    return [...periods].sort();
  }
}
