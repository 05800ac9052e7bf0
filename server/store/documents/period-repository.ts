/**
 * Periods over the document port: one document per period, keyed by its id.
 */
import { asPeriod, periodFromId, type Period } from '../models/period.js';
import type { PeriodStore } from '../store.js';
import type { DocumentCollection, StoredDoc } from './document-database.js';

function periodOf(doc: StoredDoc): Period {
  const { _id, ...rest } = doc as unknown as Omit<Period, 'id'> & { _id: string };
  return { id: _id, ...rest };
}

export class PeriodRepository implements PeriodStore {
  constructor(private readonly periods: DocumentCollection) {}

  async put(period: unknown): Promise<Period> {
    const p = asPeriod(period);
    const { id, ...rest } = p;
    await this.periods.replace({ _id: id, ...rest });
    return p;
  }

  async get(id: string): Promise<Period | undefined> {
    const doc = await this.periods.findOne({ _id: id });
    return doc === undefined ? undefined : periodOf(doc);
  }

  async ensure(id: string): Promise<Period> {
    return (await this.get(id)) ?? this.put(periodFromId(id));
  }

  async list(): Promise<Period[]> {
    return (await this.periods.find({}, { sort: { start: 1, _id: 1 } })).map(periodOf);
  }
}
