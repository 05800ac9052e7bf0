/**
 * A cheap validator for report pages: a report page is a function of the evaluation's results,
 * the unit register (both in the context's version), the language, the URL and who reads it (the
 * header names them, carries their session's CSRF token, and their role and unit scope decide what
 * the tables hold), so those name the page without hashing its HTML. The process id stands for the
 * templates it was started with. A browser revisiting the page gets 304 Not Modified without the
 * page being rendered again.
 *
 * @example pageEtag('ctx-1', 'zh', '/evaluations/e1?page=2', viewerKey(principal)) // 'W/"…-ctx-1-…"'
 */
import { randomBytes } from 'node:crypto';
import type { Principal } from '../../access/credentials.js';
import { fnv1a } from '../../reports/format/fnv1a.js';

const PROCESS = randomBytes(4).toString('hex');

/** The session and the state of its user: a change of role, scope or name changes every page. */
export function viewerKey(principal: Principal): string {
  return `${principal.credential.id} ${principal.user.updatedAt}`;
}

export function pageEtag(version: string, lang: string, url: string, viewer = ''): string {
  return `W/"${PROCESS}-${version}-${fnv1a(`${lang} ${url} ${viewer}`)}"`;
}
