/**
 * The engine's log as stored with the results (JSON), narrowed entry by entry to what the
 * methodology appendix prints; entries that are not objects with a stage and a message are skipped.
 *
 * @example logEntries([{ stage: 'screening', message: '3 flagged', data: { units: ['A@2025'] } }])[0].stage === 'screening'
 */
export interface ReportLogEntry {
  readonly stage: string;
  readonly message: string;
  readonly method: string | null;
  readonly indicator: string | null;
  readonly node: string | null;
  readonly period: string | null;
  readonly data: Readonly<Record<string, unknown>>;
}

function textOf(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

export function logEntries(log: unknown): ReportLogEntry[] {
  if (!Array.isArray(log)) return [];
  const entries: ReportLogEntry[] = [];
  for (const item of log as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const entry = item as Record<string, unknown>;
    const stage = textOf(entry.stage);
    const message = textOf(entry.message);
    if (stage === null || message === null) continue;
    const data = entry.data;
    entries.push({
      stage,
      message,
      method: textOf(entry.method),
      indicator: textOf(entry.indicator),
      node: textOf(entry.node),
      period: textOf(entry.period),
      data:
        typeof data === 'object' && data !== null && !Array.isArray(data)
          ? (data as Record<string, unknown>)
          : {},
    });
  }
  return entries;
}
