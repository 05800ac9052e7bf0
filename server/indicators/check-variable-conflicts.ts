/**
 * Variables are a vocabulary shared by the whole catalogue: `households` means one thing, with one
 * type, unit and bounds, in every indicator that reads it (the data template asks for it once).
 * The first declaration in path order sets it; every later one that differs is a problem.
 * Labels may differ in wording.
 */
import type { IndicatorDefinition, VariableDeclaration } from './definitions.js';
import type { ParsedDefinition } from './parse-definitions.js';
import { pointer, type Problem } from './problem.js';
import { declarationDifference, describeDeclaration } from './variable-declaration.js';

interface FirstDeclaration {
  readonly declaration: VariableDeclaration;
  readonly indicator: string;
  readonly file: string;
}

export function checkVariableConflicts(
  indicators: readonly ParsedDefinition<IndicatorDefinition>[],
): Problem[] {
  const first = new Map<string, FirstDeclaration>();
  const problems: Problem[] = [];
  for (const { file, definition } of indicators) {
    for (const [name, declaration] of Object.entries(definition.inputs.properties)) {
      const earlier = first.get(name);
      if (earlier === undefined) {
        first.set(name, { declaration, indicator: definition.id, file });
        continue;
      }
      const field = declarationDifference(earlier.declaration, declaration);
      if (field === undefined) continue;
      problems.push({
        file,
        pointer: pointer('inputs', 'properties', name, field),
        expected: `${describeDeclaration(earlier.declaration)}, as declared by ${earlier.indicator} (${earlier.file})`,
        found: describeDeclaration(declaration),
        message: `variable declared with a different ${field} by another indicator`,
      });
    }
  }
  return problems;
}
