import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file so that commands work from any directory. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const viewsDir = path.join(projectRoot, 'views');
export const indicatorsDir = path.join(projectRoot, 'indicators');
