/**
 * Answers with a file written piece by piece (write-chunks.ts) at the client's pace. An error
 * before the first byte is thrown on to the error handler, with the file's headers taken back so
 * the error page does not arrive as a download; after it, the connection is cut, so the client
 * sees a broken download rather than a short file that looks whole.
 */
import type { Response } from 'express';
import { writeChunks, type Chunks } from '../../evaluation/write-chunks.js';

export interface ChunkedFile {
  readonly contentType: string;
  readonly fileName: string;
}

export async function sendChunks(res: Response, file: ChunkedFile, chunks: Chunks): Promise<void> {
  res.type(file.contentType).attachment(file.fileName);
  try {
    await writeChunks(res, chunks);
  } catch (error) {
    if (!res.headersSent) {
      res.removeHeader('Content-Type');
      res.removeHeader('Content-Disposition');
      throw error;
    }
    res.destroy();
  }
}
