import { expect } from 'chai';
import { METHOD_NAMES } from '../../../server/engine/method-names.js';
import { aggregationMethods } from '../../../server/engine/methods/aggregation/index.js';
import { imputationMethods } from '../../../server/engine/methods/imputation/index.js';
import { normalisationMethods } from '../../../server/engine/methods/normalisation/index.js';
import { periodsMethods } from '../../../server/engine/methods/periods/index.js';
import { rollupMethods } from '../../../server/engine/methods/rollup/index.js';
import { screeningMethods } from '../../../server/engine/methods/screening/index.js';
import { treatmentMethods } from '../../../server/engine/methods/treatment/index.js';
import { weightingMethods } from '../../../server/engine/methods/weighting/index.js';

describe('method name maps', () => {
  const maps: Record<string, Readonly<Record<string, { readonly name: string }>>> = {
    imputation: imputationMethods,
    screening: screeningMethods,
    treatment: treatmentMethods,
    normalisation: normalisationMethods,
    weighting: weightingMethods,
    aggregation: aggregationMethods,
    periods: periodsMethods,
    rollup: rollupMethods,
  };

  for (const [stage, map] of Object.entries(maps)) {
    it(`offers exactly the ${stage} methods METHOD_NAMES lists, each under its own name`, () => {
      const names = METHOD_NAMES[stage as keyof typeof METHOD_NAMES] as readonly string[];
      expect(Object.keys(map).sort()).to.deep.equal([...names].sort());
      for (const [key, method] of Object.entries(map)) expect(method.name).to.equal(key);
    });
  }
});
