/**
 * The field separator of a CSV file, from its header line: comma, semicolon (Excel in many
 * European locales) or tab (Excel's "Unicode text"), whichever occurs most outside quotes.
 * A tie, or a header of one column, means comma.
 *
 * @example detectSeparator('unit_code;period;households\r\n…') === ';'
 */
export type Separator = ',' | ';' | '\t';

const CANDIDATES: readonly Separator[] = [',', ';', '\t'];

export function detectSeparator(text: string): Separator {
  const counts = new Map<Separator, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char as Separator)) {
      counts.set(char as Separator, (counts.get(char as Separator) ?? 0) + 1);
    }
  }
  let best: Separator = ',';
  for (const candidate of CANDIDATES) {
    if ((counts.get(candidate) ?? 0) > (counts.get(best) ?? 0)) best = candidate;
  }
  return best;
}
