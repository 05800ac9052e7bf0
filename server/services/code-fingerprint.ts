/**
 * A fingerprint of the code that shapes what a report snapshot holds (report-snapshots.ts): the
 * SHA-256 of every source file under server/reports/context and server/evaluation and of the
 * snapshot's own format (report-snapshots.ts, snapshot-file.ts, snapshot-codec.ts), by path. Any
 * change there, e.g. an upgrade that compacts a section differently, makes older snapshots
 * "made by other code", so they are made again rather than read into the wrong shape. Where the
 * sources cannot be read, each process gets a fingerprint of its own (snapshots then serve only it).
 *
 * @example await codeFingerprint() // '3f0c…' (64 hex digits), the same for the whole process
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../paths.js';

const SHAPING = [
  'server/reports/context',
  'server/evaluation',
  'server/services/report-snapshots.ts',
  'server/services/snapshot-file.ts',
  'server/services/snapshot-codec.ts',
];

let fingerprint: Promise<string> | undefined;

export function codeFingerprint(): Promise<string> {
  fingerprint ??= fingerprintOf(SHAPING.map((at) => path.join(projectRoot, at))).catch(() =>
    randomBytes(32).toString('hex'),
  );
  return fingerprint;
}

async function fingerprintOf(paths: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const file of (await Promise.all(paths.map(sourcesAt))).flat()) {
    hash.update(`${path.relative(projectRoot, file)}\n`);
    hash.update(await readFile(file));
  }
  return hash.digest('hex');
}

/** A source file, or the sources under a folder in name order; none found is an error. */
async function sourcesAt(at: string): Promise<string[]> {
  if (at.endsWith('.ts')) return [at];
  const files = (await readdir(at, { recursive: true })).filter((name) => name.endsWith('.ts')).sort();
  if (files.length === 0) throw new Error(`no sources under ${at}`);
  return files.map((name) => path.join(at, name));
}
