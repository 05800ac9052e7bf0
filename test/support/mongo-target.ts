/**
 * Where the mongo adapter's tests find their server, set by test/setup/ferretdb.ts.
 * Passed through the environment so that it survives mocha's module loading.
 */
import { randomBytes } from 'node:crypto';

type Target = { baseUri: string; source: string } | { skipReason: string };

export function setMongoTarget(target: Target): void {
  process.env.ZHILI_TEST_MONGO_TARGET = JSON.stringify(target);
}

function target(): Target {
  const raw = process.env.ZHILI_TEST_MONGO_TARGET;
  if (raw === undefined) return { skipReason: 'the FerretDB test fixture did not run (see .mocharc.json)' };
  return JSON.parse(raw) as Target;
}

/**
 * Call in a `before` hook: returns a URI to a fresh database, or skips the suite with
 * one "skipped: why" line. Under CI=true a missing server fails instead.
 */
export function mongoUriOrSkip(context: Mocha.Context): string {
  const t = target();
  if ('skipReason' in t) {
    if (process.env.CI === 'true') throw new Error(`mongo tests must run under CI: ${t.skipReason}`);
    console.log(`    skipped: mongo adapter tests — ${t.skipReason}`);
    context.skip();
  }
  return freshDatabaseUri(t.baseUri);
}

/** The server's URI with a new, unique database name (so suites never share state). */
export function freshDatabaseUri(baseUri: string): string {
  const url = new URL(baseUri);
  url.pathname = `/zhili_test_${randomBytes(6).toString('hex')}`;
  return url.toString();
}
