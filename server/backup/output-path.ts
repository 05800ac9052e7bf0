/**
 * Where a backup may be written: a file (new or to be replaced) in a folder that exists. Checked
 * before any work, so a typo costs nothing; the error names the path as it was given.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ValidationError } from '../errors.js';

export async function checkOutputPath(out: string): Promise<string> {
  const target = path.resolve(out);
  const existing = await stat(target).catch(() => undefined);
  if (existing?.isDirectory() === true) {
    throw new ValidationError(
      `--out ${out} is a folder: name the archive file, e.g. ${out}/zhili.backup.gz`,
      [{ where: 'out', message: 'is a folder' }],
    );
  }
  const parent = path.dirname(target);
  const folder = await stat(parent).catch(() => undefined);
  if (folder?.isDirectory() !== true) {
    const message = `--out ${out}: the folder ${parent} does not exist`;
    throw new ValidationError(message, [{ where: 'out', message }]);
  }
  return target;
}
