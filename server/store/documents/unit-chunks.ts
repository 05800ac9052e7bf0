/**
 * Units as stored: chunks of up to 2,000 units of one batch, the codes kept as a plain array (so
 * one unit is an indexed query) and the units themselves packed. FerretDB stores each BSON value
 * separately, so 100,000 units as documents took 8 s to write and 20 s to read back; packed, they
 * are a few dozen strings.
 */
import type { Unit } from '../models/unit.js';
import { newId } from '../models/ids.js';
import type { StoredDoc } from './document-database.js';
import { packJson, unpackJson } from './packed-json.js';

export const UNIT_CHUNK_SIZE = 2000;

export interface UnitChunkDoc extends StoredDoc {
  readonly batch: string;
  readonly codes: readonly string[];
  readonly data: string;
}

export async function encodeUnitChunk(batch: string, units: readonly Unit[]): Promise<UnitChunkDoc> {
  const packed = await packJson(units);
  return { _id: newId('unt'), batch, codes: units.map((unit) => unit.code), data: packed.data };
}

/** The units of a chunk written by encodeUnitChunk; `only` keeps just those codes. */
export async function decodeUnitChunk(doc: UnitChunkDoc, only?: ReadonlySet<string>): Promise<Unit[]> {
  const units = (await unpackJson(doc.data)) as unknown as Unit[];
  return only === undefined ? units : units.filter((unit) => only.has(unit.code));
}

/** Documents in unitChunks are only ever written by encodeUnitChunk. */
export function asUnitChunkDoc(doc: StoredDoc): UnitChunkDoc {
  return doc as UnitChunkDoc;
}
