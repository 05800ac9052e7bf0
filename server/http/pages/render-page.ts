/**
 * Renders a page for the reader of this request: the view model plus who is logged in (the header's
 * name, role and logout form; the navigation their role allows) and the CSRF token that every POST
 * form on the page carries as its hidden _csrf field. The ranking and unit pages (renderReportPage)
 * are made by a render thread when one holds their report context (server/workers/render-pool.ts).
 *
 * @example renderPage(req, res, views, 'account', accountPage(lang, input))
 */
import type { Request, Response } from 'express';
import type { ReportContext } from '../../reports/context/report-context.js';
import { withAccount } from '../../reports/views/account-chrome.js';
import type { Chrome } from '../../reports/views/chrome.js';
import { reportPageModel, type ReportPageRequest } from '../../reports/views/report-page-models.js';
import type { PageAccount } from '../../workers/render-messages.js';
import type { RenderPool } from '../../workers/render-pool.js';
import { csrfTokenFor } from '../auth/csrf.js';
import { principalOf } from '../auth/principal.js';
import type { Views } from '../views.js';

function pageAccount(req: Request, res: Response): PageAccount {
  const user = principalOf(res)?.user;
  const viewer = user === undefined ? null : { displayName: user.displayName, role: user.role };
  return { viewer, csrf: csrfTokenFor(req, res) };
}

function sendPage(
  res: Response,
  views: Views,
  page: string,
  model: Chrome,
  account: PageAccount,
  status = 200,
): void {
  const html = views.render(page, withAccount(model, account.viewer, account.csrf));
  res.status(status).type('html').send(html);
}

export function renderPage(
  req: Request,
  res: Response,
  views: Views,
  page: string,
  model: Chrome,
  status = 200,
): void {
  sendPage(res, views, page, model, pageAccount(req, res), status);
}

/** A ranking or unit page (report-page-models.ts): from a render thread that holds its context, else made here. */
export async function renderReportPage(
  req: Request,
  res: Response,
  views: Views,
  pool: RenderPool | undefined,
  context: ReportContext,
  request: ReportPageRequest,
): Promise<void> {
  const account = pageAccount(req, res);
  const made = await pool?.render(context, request, account);
  if (made === undefined) {
    sendPage(res, views, request.page, reportPageModel(context, request), account);
    return;
  }
  // Given back once the socket has taken the bytes; a connection cut before then leaves it to the collector.
  res.once('finish', made.sent);
  const { html } = made;
  res
    .status(200)
    .type('html')
    .send(Buffer.from(html.buffer, html.byteOffset, html.byteLength));
}
