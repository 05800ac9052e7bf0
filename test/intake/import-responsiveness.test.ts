import { expect } from 'chai';
import { loadRegistry } from '../../server/indicators/load-registry.js';
import { importObservationsFile } from '../../server/services/import-observations-file.js';
import { indicatorsDir } from '../../server/paths.js';
import { frameworkCsv, registerCommunities } from '../hardening/support/framework-csv.js';
import { syntheticRows } from '../support/synthetic-observations.js';
import { tempEmbeddedStore } from '../support/temp-store.js';

const ROWS = 60_000;

describe('a large import and the event loop', function () {
  this.timeout(120_000);

  it('never holds the event loop for a second while it reads, checks and stores 60,000 rows', async () => {
    const variables = (await loadRegistry(indicatorsDir)).resolveFramework('default').variables;
    const rows = syntheticRows(ROWS, '2025', variables.length);
    const bytes = frameworkCsv(variables, rows);
    const temp = await tempEmbeddedStore();
    try {
      await registerCommunities(
        temp.store,
        rows.map((row) => row.unit),
      );
      // Before the intake worked in slices this file held the loop for about 2 s in one go
      // (4 s for 100,000 rows: past Node's 5 s keep-alive timeout on a busy machine).
      let longest = 0;
      let last = performance.now();
      const ticker = setInterval(() => {
        const now = performance.now();
        longest = Math.max(longest, now - last);
        last = now;
      }, 5);
      const result = await importObservationsFile(
        temp.store,
        { fileName: 'large.csv', bytes },
        { variables, period: '2025', actor: 'test' },
      ).finally(() => {
        clearInterval(ticker);
      });
      expect(result.outcome).to.equal('committed');
      expect(longest, 'longest pause of a 5 ms timer, in ms').to.be.below(1000);
    } finally {
      await temp.dispose();
    }
  });
});
