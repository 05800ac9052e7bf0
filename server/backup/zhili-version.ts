/** The version in package.json, which a backup records so that a restore can say what wrote it. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../paths.js';

let cached: Promise<string> | undefined;

export function zhiliVersion(): Promise<string> {
  cached ??= readFile(path.join(projectRoot, 'package.json'), 'utf8').then((text) => {
    const version = (JSON.parse(text) as { version?: unknown }).version;
    return typeof version === 'string' ? version : 'unknown';
  });
  return cached;
}
