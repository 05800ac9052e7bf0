/**
 * Run as a child process by the kill test: opens the store at the location given as JSON in
 * argv[2] and imports argv[3] synthetic rows for period argv[4], printing "progress N" after each
 * append, so the test can SIGKILL it in the middle of the import.
 */
import { importRecords } from '../../server/store/import-records.js';
import { openLocation, type StoreLocation } from './store-location.js';
import { syntheticRows, syntheticSha } from './synthetic-observations.js';

const [, , locationJson = '', countText = '', period = ''] = process.argv;
const location = JSON.parse(locationJson) as StoreLocation;
const count = Number(countText);
const store = await openLocation(location);
const rows = syntheticRows(count, period);
await importRecords(
  store,
  {
    kind: 'observations',
    actor: 'kill-test',
    fileName: 'big.csv',
    sha256: syntheticSha(count, period),
    period,
    periods: [period],
  },
  rows,
  {
    tally: { rows: count, errors: 0, warnings: 0 },
    sliceSize: 1000,
    onProgress: (stored) => {
      process.stdout.write(`progress ${stored}\n`);
    },
  },
);
process.stdout.write('committed\n');
await store.close();
