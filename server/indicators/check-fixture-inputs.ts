/**
 * Fixture inputs must be values the indicator's inputs schema allows: the declared type (an
 * integer where integers are declared) within the declared bounds. null stands for a missing
 * input and is always allowed, as in real data. (Unknown variable names are reported by
 * check-indicator.ts.)
 */
import type { IndicatorDefinition } from './definitions.js';
import { pointer, type Problem } from './problem.js';
import { describeDeclaration, satisfiesDeclaration } from './variable-declaration.js';

export function checkFixtureInputs(file: string, definition: IndicatorDefinition): Problem[] {
  const problems: Problem[] = [];
  const declared = definition.inputs.properties;
  definition.fixtures.forEach((fixture, index) => {
    for (const [name, value] of Object.entries(fixture.inputs)) {
      const declaration = Object.hasOwn(declared, name) ? declared[name] : undefined;
      if (declaration === undefined || value === null || satisfiesDeclaration(declaration, value)) continue;
      problems.push({
        file,
        pointer: pointer('fixtures', index, 'inputs', name),
        expected: describeDeclaration(declaration),
        found: String(value),
        message: 'fixture input breaks the inputs schema',
      });
    }
  });
  return problems;
}
