/**
 * Opens a page in a fresh browser context and records what must not happen on a report page:
 * console errors, uncaught exceptions, failed requests, Content-Security-Policy violations and
 * dialogs (an injected alert()). A session cookie (`zhili_session=…`, as seedUser gives it) logs the
 * context in before the first page opens.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';

export interface Probe {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly problems: string[];
  /** CSP violations reported by the page itself (securitypolicyviolation events). */
  cspViolations(): Promise<string[]>;
  close(): Promise<void>;
}

const RECORD_CSP = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(event.violatedDirective + ' ' + event.blockedURI);
  });
`;

export interface ProbeOptions {
  readonly width?: number;
  readonly height?: number;
  /** The app's URL and a "name=value" session cookie to log the context in with. */
  readonly login?: { readonly url: string; readonly cookie: string };
}

export async function probe(browser: Browser, options: ProbeOptions = {}): Promise<Probe> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
  });
  if (options.login !== undefined) {
    const [name = '', ...value] = options.login.cookie.split('=');
    await context.addCookies([{ name, value: value.join('='), url: options.login.url }]);
  }
  await context.addInitScript(RECORD_CSP);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return {
    context,
    page,
    problems,
    cspViolations: () => page.evaluate<string[]>('window.__cspViolations ?? []'),
    close: () => context.close(),
  };
}

/** Non-transparent pixels of a canvas: more than 0 once a chart has been drawn on it. */
export function paintedPixels(page: Page, canvasId: string): Promise<number> {
  return page.evaluate<number>(`(() => {
    const canvas = document.getElementById(${JSON.stringify(canvasId)});
    if (!(canvas instanceof HTMLCanvasElement) || canvas.width === 0) return 0;
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) painted++;
    return painted;
  })()`);
}

/** Waits until chart.js has drawn `count` charts on the page. */
export async function chartsDrawn(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    `window.Chart !== undefined && Object.keys(window.Chart.instances).length >= ${count}`,
  );
}
