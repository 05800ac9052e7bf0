/**
 * The peer definition an evaluation chooses (MethodChoices.peers), checked before any work:
 * - `{ method: 'register' }`: the hand-given `peer_group` attribute of the unit register (today's
 *   behaviour and the default);
 * - `{ method: 'nearest', k: 10, attributes: [...] }`: each community's k nearest neighbours on the
 *   standardised structural attributes named (default: those of DEFAULT_PEER_ATTRIBUTES that every
 *   community carries, so that no community is left out by default; the demo's villages have no
 *   old-compound share). k is a whole number from 1 to MAX_PEERS.
 * Every problem is reported at once, each naming the field (`methods.peers.k` …).
 *
 * @example resolvePeerChoice({ method: 'nearest', k: 5 }, ['resident_population', 'area_km2'])
 * // { method: 'nearest', k: 5, attributes: ['resident_population', 'area_km2'] }
 */
import { ValidationError, type ProblemDetail } from '../../../errors.js';

/** The structural attributes of DOMAIN.md, in the order they are listed. */
export const DEFAULT_PEER_ATTRIBUTES = [
  'resident_population',
  'urban_rural',
  'area_km2',
  'old_compound_share',
] as const;

export const DEFAULT_PEER_COUNT = 10;
export const MAX_PEERS = 50;

export type PeerChoice =
  | { readonly method: 'register' }
  | { readonly method: 'nearest'; readonly k: number; readonly attributes: readonly string[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The choice with its defaults filled in. `available` lists the numeric attributes the base units
 * carry (urban_rural counts as one: urban 1, rural 0), `complete` those every one of them carries
 * (default: all available).
 */
export function resolvePeerChoice(
  choice: unknown,
  available: readonly string[],
  complete: readonly string[] = available,
): PeerChoice {
  if (choice === undefined) return { method: 'register' };
  const problems: ProblemDetail[] = [];
  const fail = (where: string, message: string): void => void problems.push({ where, message });
  if (!isRecord(choice)) {
    fail('methods.peers', 'expected an object such as { "method": "nearest", "k": 10 }');
  } else if (choice.method === 'register') {
    for (const key of Object.keys(choice))
      if (key !== 'method') fail(`methods.peers.${key}`, 'the register peer groups take no parameters');
    if (problems.length === 0) return { method: 'register' };
  } else if (choice.method === 'nearest') {
    for (const key of Object.keys(choice))
      if (!['method', 'k', 'attributes'].includes(key))
        fail(`methods.peers.${key}`, 'unknown parameter; expected k and attributes');
    const k = choice.k ?? DEFAULT_PEER_COUNT;
    if (typeof k !== 'number' || !Number.isInteger(k) || k < 1 || k > MAX_PEERS)
      fail('methods.peers.k', `expected a whole number from 1 to ${MAX_PEERS}, found ${JSON.stringify(k)}`);
    const attributes = choice.attributes ?? DEFAULT_PEER_ATTRIBUTES.filter((name) => complete.includes(name));
    if (!Array.isArray(attributes) || attributes.length === 0) {
      fail('methods.peers.attributes', 'expected a non-empty list of numeric unit attributes');
    } else {
      const seen = new Set<string>();
      for (const name of attributes as unknown[]) {
        if (typeof name !== 'string' || !available.includes(name))
          fail(
            'methods.peers.attributes',
            `${JSON.stringify(name)} is not a numeric attribute of the communities; known: ${available.join(', ') || 'none'}`,
          );
        else if (seen.has(name)) fail('methods.peers.attributes', `${name} is listed twice`);
        else seen.add(name);
      }
    }
    if (problems.length === 0)
      return { method: 'nearest', k: k as number, attributes: attributes as string[] };
  } else {
    fail('methods.peers.method', `expected "register" or "nearest", found ${JSON.stringify(choice.method)}`);
  }
  throw new ValidationError(
    `The peer definition cannot be used: ${problems.map((p) => `${p.where}: ${p.message}`).join('; ')}`,
    problems,
  );
}
