/**
 * nedb appends one line per write. A process killed in the middle of an append can leave a
 * partial last line; nedb counts it as corruption and, in a small file, refuses to load. Only
 * that unfinished tail is cut, back to the last complete line, before nedb reads the file.
 */
import { open } from 'node:fs/promises';

const TAIL_WINDOW = 64 * 1024;

/** Truncates `file` after its last newline when it does not end with one; true when it did. */
export async function cutTornAppend(file: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'r+');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) return false;
    let end = size;
    while (end > 0) {
      const start = Math.max(0, end - TAIL_WINDOW);
      const buffer = Buffer.alloc(end - start);
      await handle.read(buffer, 0, buffer.length, start);
      if (end === size && buffer[buffer.length - 1] === 0x0a) return false;
      const newline = buffer.lastIndexOf(0x0a);
      if (newline >= 0) {
        await handle.truncate(start + newline + 1);
        return true;
      }
      end = start;
    }
    await handle.truncate(0);
    return true;
  } finally {
    await handle.close();
  }
}
