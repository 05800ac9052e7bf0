/**
 * Respondents as stored: chunks of up to 2,000 respondents of one batch and one period, packed like
 * observation chunks (a unit code per respondent, the answers as a matrix, one column per item,
 * null = not answered, and the weights as a column).
 */
import type { ResponseRow } from '../models/response.js';
import type { StoredDoc } from './document-database.js';
import { newId } from '../models/ids.js';
import { packJson, unpackJson } from './packed-json.js';

export const RESPONSE_CHUNK_ROWS = 2000;

export interface ResponseChunkDoc extends StoredDoc {
  readonly batch: string;
  readonly period: string;
  readonly units: readonly string[];
  readonly items: readonly string[];
  readonly data: string;
}

export async function encodeResponseChunk(
  batch: string,
  period: string,
  rows: readonly ResponseRow[],
): Promise<ResponseChunkDoc> {
  const items = [...new Set(rows.flatMap((row) => Object.keys(row.answers)))].sort();
  const matrix = rows.map((row) => [row.weight, ...items.map((item) => row.answers[item] ?? null)]);
  const packed = await packJson(matrix);
  return { _id: newId('rsp'), batch, period, units: rows.map((row) => row.unit), items, data: packed.data };
}

export async function decodeResponseChunk(doc: ResponseChunkDoc): Promise<ResponseRow[]> {
  const matrix = (await unpackJson(doc.data)) as (number | null)[][];
  return doc.units.map((unit, index) => {
    const [weight, ...cells] = matrix[index] ?? [];
    const answers: Record<string, number> = {};
    doc.items.forEach((item, column) => {
      const value = cells[column];
      if (typeof value === 'number') answers[item] = value;
    });
    return { unit, period: doc.period, answers, weight: typeof weight === 'number' ? weight : 1 };
  });
}

/** Documents in responseChunks are only ever written by encodeResponseChunk. */
export function asResponseChunkDoc(doc: StoredDoc): ResponseChunkDoc {
  return doc as ResponseChunkDoc;
}
