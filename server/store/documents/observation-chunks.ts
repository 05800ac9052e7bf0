/**
 * Observation rows as stored: chunks of up to 2,000 rows of one batch and one period. Each chunk
 * keeps the unit codes as a plain array (so one unit's history is an indexed query) and the
 * values as a packed matrix, one row per unit and one column per variable (null = missing).
 * Packing is what lets 100,000 rows × 40 variables go into FerretDB in seconds.
 */
import type { ObservationRow } from '../models/observation.js';
import type { StoredDoc } from './document-database.js';
import { newId } from '../models/ids.js';
import { packJson, unpackJson } from './packed-json.js';

export const CHUNK_ROWS = 2000;

export interface ChunkDoc extends StoredDoc {
  readonly batch: string;
  readonly period: string;
  readonly units: readonly string[];
  readonly variables: readonly string[];
  readonly data: string;
}

export interface ChunkRow {
  readonly unit: string;
  readonly values: Record<string, number>;
}

/** Packs rows of one batch and one period (at most CHUNK_ROWS) into a chunk document. */
export async function encodeChunk(
  batch: string,
  period: string,
  rows: readonly ObservationRow[],
): Promise<ChunkDoc> {
  const variables = [...new Set(rows.flatMap((row) => Object.keys(row.values)))].sort();
  const matrix = rows.map((row) => variables.map((name) => row.values[name] ?? null));
  const packed = await packJson(matrix);
  return {
    _id: newId('obs'),
    batch,
    period,
    units: rows.map((row) => row.unit),
    variables,
    data: packed.data,
  };
}

/** Unpacks a chunk written by encodeChunk; `only` keeps just those units. */
export async function decodeChunk(doc: ChunkDoc, only?: ReadonlySet<string>): Promise<ChunkRow[]> {
  const matrix = (await unpackJson(doc.data)) as (number | null)[][];
  const rows: ChunkRow[] = [];
  doc.units.forEach((unit, index) => {
    if (only !== undefined && !only.has(unit)) return;
    const values: Record<string, number> = {};
    const cells = matrix[index] ?? [];
    doc.variables.forEach((name, column) => {
      const value = cells[column];
      if (typeof value === 'number') values[name] = value;
    });
    rows.push({ unit, values });
  });
  return rows;
}

/** Documents in observationChunks are only ever written by encodeChunk. */
export function asChunkDoc(doc: StoredDoc): ChunkDoc {
  return doc as ChunkDoc;
}
