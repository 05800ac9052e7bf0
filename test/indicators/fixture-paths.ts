/** Where the test definition folders live. */
import path from 'node:path';
import { projectRoot } from '../../server/paths.js';

export const fixturesDir = path.join(projectRoot, 'test', 'fixtures', 'indicators');
export const goodDir = path.join(fixturesDir, 'good');
export const brokenDir = path.join(fixturesDir, 'broken');
