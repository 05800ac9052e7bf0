/**
 * The lines of a gzip file, streamed (zlib + readline), so an archive of any size is read
 * without holding it in memory. A truncated or damaged file, or one that is not gzip, ends the
 * iteration with a ValidationError that says so.
 *
 * @example for await (const line of archiveLines('zhili.backup.gz')) console.log(line.length);
 */
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { ValidationError } from '../errors.js';

function unreadable(file: string, reason: string): ValidationError {
  return new ValidationError(`${path.basename(file)} is not a readable Zhili backup: ${reason}`, [
    { where: 'file', message: reason },
  ]);
}

export async function* archiveLines(file: string): AsyncGenerator<string> {
  await access(file).catch(() => {
    throw new ValidationError(`cannot read the archive ${file}`, [{ where: 'file', message: 'not found' }]);
  });
  const gunzip = createGunzip();
  const input = createReadStream(file);
  input.on('error', (error) => gunzip.destroy(error));
  const lines = createInterface({ input: input.pipe(gunzip), crlfDelay: Infinity });
  try {
    for await (const line of lines) yield line;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'Z_BUF_ERROR') throw unreadable(file, 'it ends too early (truncated)');
    if (typeof code === 'string' && code.startsWith('Z_')) throw unreadable(file, 'its gzip data is damaged');
    throw error;
  } finally {
    lines.close();
    input.destroy();
  }
}
