/**
 * The help text of the `--<stage> <method>` options, from the methods the engine declares: their
 * names, separated by " | ", so the CLI offers exactly what a framework may choose.
 *
 * @example methodHelp('treatment') === 'none | winsorise_log'
 */
import { METHOD_NAMES, type Stage } from '../../server/engine/method-names.js';

export function methodHelp(stage: Stage, note?: string): string {
  const names = METHOD_NAMES[stage].join(' | ');
  return note === undefined ? names : `${names} (${note})`;
}
