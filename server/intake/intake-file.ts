/**
 * An uploaded or local data file: its name (for messages), its bytes and their SHA-256 (which
 * makes a second import of the same file a no-op). Files above the size limit are refused before
 * they are read.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { PayloadTooLargeError, ValidationError } from '../errors.js';

/** 64 MiB: 100,000 rows × 40 variables as CSV is about 30 MB. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

export interface IntakeFile {
  readonly fileName: string;
  readonly bytes: Buffer;
}

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Throws PayloadTooLargeError naming the file when it is over the limit. */
export function assertSize(fileName: string, size: number, maxBytes = DEFAULT_MAX_BYTES): void {
  if (size > maxBytes) {
    throw new PayloadTooLargeError(
      `${fileName} is ${megabytes(size)}; the import limit is ${megabytes(maxBytes)}. Split the file by district or period.`,
      [{ where: fileName, message: `${size} bytes > ${maxBytes}` }],
    );
  }
}

/** Reads a file from disk, refusing it when it is too large or not a regular file. */
export async function readIntakeFile(filePath: string, maxBytes = DEFAULT_MAX_BYTES): Promise<IntakeFile> {
  const fileName = path.basename(filePath);
  let info;
  try {
    info = await stat(filePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ValidationError(`cannot read ${filePath}: ${code === 'ENOENT' ? 'no such file' : code}`);
  }
  if (!info.isFile()) throw new ValidationError(`${filePath} is not a file`);
  assertSize(fileName, info.size, maxBytes);
  return { fileName, bytes: await readFile(filePath) };
}
