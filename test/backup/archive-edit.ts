/**
 * Edits a backup archive the way someone with the file (and perhaps the key) could: change lines,
 * then reseal the trailer with a recomputed SHA-256, and optionally a fresh HMAC under a key. Used
 * to prove what the checksum, the signature and the blob check each catch.
 */
import { createHash, createHmac } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { BackupKey } from '../../server/backup/backup-key.js';

interface Trailer {
  end: string;
  lines: number;
  sha256: string;
  hmac?: string | null;
  keyId?: string | null;
}

interface Line {
  c: string;
  d: Record<string, unknown> & { _id: string };
}

export async function readLines(file: string): Promise<string[]> {
  return gunzipSync(await readFile(file))
    .toString('utf8')
    .split('\n')
    .slice(0, -1);
}

/** Rewrites `file` to `out` with `edit` applied to the lines before the trailer, resealed as asked. */
export async function resealed(
  file: string,
  out: string,
  edit: (lines: string[]) => string[],
  seal: { readonly signWith?: BackupKey; readonly keepHmac?: boolean } = {},
): Promise<string> {
  const lines = await readLines(file);
  const old = JSON.parse(lines.at(-1) ?? '') as Trailer;
  const body = edit(lines.slice(0, -1));
  const text = body.map((line) => `${line}\n`).join('');
  const trailer: Trailer = {
    ...old,
    lines: body.length,
    sha256: createHash('sha256').update(text).digest('hex'),
  };
  if (seal.signWith !== undefined) {
    trailer.hmac = createHmac('sha256', seal.signWith.bytes).update(text).digest('hex');
    trailer.keyId = seal.signWith.id;
  } else if (seal.keepHmac !== true) {
    trailer.hmac = null;
    trailer.keyId = null;
  }
  await writeFile(out, gzipSync(`${text}${JSON.stringify(trailer)}\n`));
  return out;
}

/** Rewrites `file` to `out` as format 1 wrote it: the same lines, a trailer without signature fields. */
export async function formatOneCopy(file: string, out: string): Promise<string> {
  const lines = await readLines(file);
  const header = (lines[0] ?? '').replace('"format":"zhili-backup/2"', '"format":"zhili-backup/1"');
  const body = [header, ...lines.slice(1, -1)];
  const text = body.map((line) => `${line}\n`).join('');
  const sha256 = createHash('sha256').update(text).digest('hex');
  const trailer = { end: 'zhili-backup/1', lines: body.length, sha256 };
  await writeFile(out, gzipSync(`${text}${JSON.stringify(trailer)}\n`));
  return out;
}

/** The hex SHA-256 of a blob's JSON text given its chunks' base64 gzip data, in order. */
function blobSha(chunks: readonly string[]): string {
  const hash = createHash('sha256');
  for (const data of chunks) hash.update(gunzipSync(Buffer.from(data, 'base64')));
  return hash.digest('hex');
}

/**
 * Changes the first published score in the evaluation's results (the first number with two
 * decimals in its first results chunk) to 99.99; with `fixRecords`, also rewrites the evaluation's
 * recorded SHA-256 to match, as a careful forger would. Returns the number that was replaced.
 */
export function scoreEdit(fixRecords: boolean): {
  edit: (lines: string[]) => string[];
  replaced: () => string;
} {
  let replaced = '';
  const edit = (lines: string[]): string[] => {
    const parsed = lines.map((line, index) => (index === 0 ? undefined : (JSON.parse(line) as Line)));
    const evaluation = parsed.find((line) => line?.c === 'evaluations');
    const ref = evaluation?.d.resultsRef as { key: string; sha256: string } | undefined;
    if (evaluation === undefined || ref === undefined)
      throw new Error('the archive holds no evaluation results');
    const chunks = parsed.filter(
      (line): line is Line => line?.c === 'blobChunks' && line.d.owner === ref.key,
    );
    chunks.sort((a, b) => Number(a.d.index) - Number(b.d.index));
    const first = chunks[0];
    if (first === undefined) throw new Error('the results have no chunks');
    const text = gunzipSync(Buffer.from(String(first.d.data), 'base64')).toString('utf8');
    const match = /(?<=[:,[])\d{1,2}\.\d{2}(?=[,\]}])/.exec(text);
    if (match === null) throw new Error('no two-decimal number in the results');
    replaced = match[0];
    const changed = `${text.slice(0, match.index)}99.99${text.slice(match.index + match[0].length)}`;
    first.d.data = gzipSync(changed).toString('base64');
    if (fixRecords) {
      const sha256 = blobSha(chunks.map((chunk) => String(chunk.d.data)));
      evaluation.d.resultsRef = { ...ref, sha256 };
      evaluation.d.results = { ...(evaluation.d.results as object), sha256 };
    }
    return lines.map((line, index) => {
      const doc = parsed[index];
      return doc === undefined ? line : JSON.stringify(doc);
    });
  };
  return { edit, replaced: () => replaced };
}
