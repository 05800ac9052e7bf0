/**
 * Answers a table export: CSV (UTF-8 with BOM, formula-like cells neutralised), XLSX or JSON,
 * written by server/evaluation/export-formats.ts, as a download named after the table.
 */
import type { Response } from 'express';
import { tableCsv, tableJson, tableXlsx, type ExportFormat } from '../../evaluation/export-formats.js';
import { EXPORT_CONTENT_TYPES } from '../../evaluation/streamed-export.js';
import { toExportTable, type LabelledTable } from '../../reports/export/labelled-table.js';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'xlsx', 'json'];

function fileStem(name: string): string {
  return name.replace(/[^A-Za-z0-9_.-]+/g, '_').slice(0, 120) || 'table';
}

export async function sendTable(res: Response, table: LabelledTable, format: ExportFormat): Promise<void> {
  const exported = toExportTable(table, format);
  const body =
    format === 'csv'
      ? tableCsv(exported)
      : format === 'xlsx'
        ? await tableXlsx(exported, fileStem(table.name))
        : tableJson(exported);
  res
    .type(EXPORT_CONTENT_TYPES[format])
    .attachment(`zhili-${fileStem(table.name)}.${format}`)
    .send(body);
}
