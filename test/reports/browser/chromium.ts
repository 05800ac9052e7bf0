/**
 * Debian's chromium for the page tests, driven by playwright-core (never a browser download).
 * Without /usr/bin/chromium the browser suites skip with one line; under CI=true they fail.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Call in a `before` hook: the launched browser, or a skipped suite (a failure under CI). */
export async function launchOrSkip(context: Mocha.Context): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    const reason = `${CHROMIUM} is not installed (apt-get install chromium)`;
    if (process.env.CI === 'true') throw new Error(`browser tests must run under CI: ${reason}`);
    console.log(`    skipped: browser page tests — ${reason}`);
    context.skip();
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
