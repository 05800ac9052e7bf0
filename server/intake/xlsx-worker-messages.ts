/**
 * What parse-xlsx.ts and its worker (xlsx-worker.ts) say to each other: the file goes in; the
 * table comes back as its head, then one row slice each time the main thread asks for the next
 * (so it takes them in one at a time, with other work in between), then an end; or as the
 * reason it was refused.
 */
import type { ProblemDetail } from '../errors.js';
import type { Table, TableRow } from './table.js';

/** Rows per message: small enough that taking one in never holds the main thread for long. */
export const XLSX_ROW_SLICE = 2000;

export type ToXlsxWorker =
  | { readonly kind: 'read'; readonly fileName: string; readonly bytes: Uint8Array }
  | { readonly kind: 'next' };

export type FromXlsxWorker =
  | { readonly kind: 'head'; readonly table: Omit<Table, 'rows'> }
  | { readonly kind: 'rows'; readonly rows: readonly TableRow[] }
  | { readonly kind: 'done' }
  | {
      readonly kind: 'failed';
      readonly name: string;
      readonly message: string;
      readonly details: readonly ProblemDetail[];
    };
