/**
 * A cheap validator for report pages: a report page is a function of the evaluation's results,
 * the unit register (both in the context's version), the language and the URL, so those name the
 * page without hashing its HTML. The process id stands for the templates it was started with.
 * A browser revisiting the page gets 304 Not Modified without the page being rendered again.
 *
 * @example pageEtag('ctx-1', 'zh', '/evaluations/e1?page=2') // 'W/"…-ctx-1-…"'
 */
import { randomBytes } from 'node:crypto';
import { fnv1a } from '../../reports/compute/fnv1a.js';

const PROCESS = randomBytes(4).toString('hex');

export function pageEtag(version: string, lang: string, url: string): string {
  return `W/"${PROCESS}-${version}-${fnv1a(`${lang} ${url}`)}"`;
}
