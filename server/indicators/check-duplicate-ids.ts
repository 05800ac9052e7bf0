/**
 * Ids must be unique: indicators and dimensions share one namespace (they are nodes of the same
 * tree and results are keyed by node id); frameworks have their own. The first file (in path
 * order) keeps the id; every later one is a problem.
 */
import type { ClaimedId } from './parse-definitions.js';
import type { Problem } from './problem.js';

function namespaceOf(claim: ClaimedId): string {
  return claim.kind === 'framework' ? 'framework' : 'node';
}

export function checkDuplicateIds(claims: readonly ClaimedId[]): Problem[] {
  const firstByKey = new Map<string, ClaimedId>();
  const problems: Problem[] = [];
  for (const claim of claims) {
    const key = `${namespaceOf(claim)}:${claim.id}`;
    const first = firstByKey.get(key);
    if (first === undefined) {
      firstByKey.set(key, claim);
      continue;
    }
    problems.push({
      file: claim.file,
      pointer: '/id',
      expected:
        claim.kind === 'framework'
          ? 'a framework id used by no other framework'
          : 'an id used by no other indicator or dimension',
      found: `${JSON.stringify(claim.id)}, already the id of ${first.kind} ${first.file}`,
      message: 'duplicate id',
    });
  }
  return problems;
}
