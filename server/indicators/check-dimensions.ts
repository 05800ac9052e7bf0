/**
 * Dimension cross-checks: a parent must be a known dimension, and following parents must never
 * come back to where it started (a cycle would make the tree infinite). Each dimension on a cycle
 * gets its own problem, naming the whole cycle.
 */
import type { DimensionDefinition } from './definitions.js';
import type { ClaimedId, ParsedDefinition } from './parse-definitions.js';
import type { Problem } from './problem.js';

export function checkDimensions(
  dimensions: readonly ParsedDefinition<DimensionDefinition>[],
  claims: readonly ClaimedId[],
): Problem[] {
  const problems: Problem[] = [];
  const dimensionIds = new Set(claims.filter((claim) => claim.kind === 'dimension').map((claim) => claim.id));
  const parentOf = new Map<string, string>();
  for (const { file, definition } of dimensions) {
    const parent = definition.parent;
    if (parent === undefined) continue;
    if (!dimensionIds.has(parent)) {
      problems.push({
        file,
        pointer: '/parent',
        expected: 'the id of a dimension',
        found: JSON.stringify(parent),
        message: 'unknown parent dimension',
      });
      continue;
    }
    parentOf.set(definition.id, parent);
  }
  for (const { file, definition } of dimensions) {
    const path = [definition.id];
    let current = parentOf.get(definition.id);
    while (current !== undefined && !path.includes(current)) {
      path.push(current);
      current = parentOf.get(current);
    }
    if (current === definition.id) {
      problems.push({
        file,
        pointer: '/parent',
        expected: 'a chain of parents that ends at a dimension without a parent',
        found: [...path, current].join(' → '),
        message: 'cycle in dimension parents',
      });
    }
  }
  return problems;
}
