/**
 * Warnings for the log when a dimension has no data at all (every indicator under it missing in
 * every unit and period): its column would otherwise be empty with no word of why, as with a new
 * dimension whose variables nobody has reported yet. One entry per such dimension, children first.
 *
 * @example withNoDataWarnings(result).log.at(-1)
 * // { stage: 'diagnostics', message: 'no data at all for dimension "e": …', node: 'e' }
 */
import { logEntry, type LogEntry } from '../log.js';
import { nodesWithoutData } from '../preview/nodes-without-data.js';
import type { EngineResult } from '../result.js';

export const NO_DATA_MESSAGE = 'no data at all for dimension';

export function noDataWarnings(result: EngineResult): LogEntry[] {
  const { indicators, dimensions } = nodesWithoutData(result);
  return dimensions.map((id) =>
    logEntry('diagnostics', `${NO_DATA_MESSAGE} "${id}": its score is missing for every unit`, {
      node: id,
      data: { indicators: indicators.filter((indicator) => underNode(result, id, indicator)) },
    }),
  );
}

function underNode(result: EngineResult, node: string, indicator: string): boolean {
  const children = result.weights.get(node)?.children ?? [];
  return children.some((child) => child === indicator || underNode(result, child, indicator));
}

/** The result with the warnings appended to its log (the same result when there are none). */
export function withNoDataWarnings(result: EngineResult): EngineResult {
  const warnings = noDataWarnings(result);
  return warnings.length === 0 ? result : { ...result, log: [...result.log, ...warnings] };
}
