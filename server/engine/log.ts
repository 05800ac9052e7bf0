/**
 * The engine's log: one entry per choice made (a method with its resolved parameters, an indicator
 * winsorised, a unit screened out …), in order. Together with the input it regenerates the result.
 *
 * @example
 * logEntry('treatment', 'winsorised 2 points', { indicator: 'Flights', data: { nwin: 2 } })
 */
export type LogValue =
  number | string | boolean | null | readonly LogValue[] | { readonly [key: string]: LogValue };

/** The data of one log entry. */
export type LogData = Readonly<Record<string, LogValue>>;

export type LogStage =
  | 'input'
  | 'choices'
  | 'compute'
  | 'screening'
  | 'imputation'
  | 'treatment'
  | 'normalisation'
  | 'weighting'
  | 'aggregation'
  | 'rank'
  | 'rollup'
  | 'diagnostics';

export interface LogEntry {
  readonly stage: LogStage;
  readonly message: string;
  readonly method?: string;
  readonly indicator?: string;
  readonly node?: string;
  readonly period?: string;
  readonly data?: LogData;
}

export interface LogContext {
  readonly method?: string;
  readonly indicator?: string;
  readonly node?: string;
  readonly period?: string;
  readonly data?: LogData;
}

export function logEntry(stage: LogStage, message: string, context: LogContext = {}): LogEntry {
  const entry = { stage, message, ...context };
  return context.data === undefined ? entry : { ...entry, data: jsonSafe(context.data) };
}

/** Log data must survive JSON: NaN and ±Infinity become null. */
function jsonSafe(data: LogData): LogData {
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, safeValue(value)]));
}

function safeValue(value: LogValue): LogValue {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return (value as readonly LogValue[]).map(safeValue);
  if (value !== null && typeof value === 'object') return jsonSafe(value as LogData);
  return value;
}
