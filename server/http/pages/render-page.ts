/**
 * Renders a page for the reader of this request: the view model plus who is logged in (the header's
 * name, role and logout form; the navigation their role allows) and the CSRF token that every POST
 * form on the page carries as its hidden _csrf field.
 *
 * @example renderPage(req, res, views, 'account', accountPage(lang, input))
 */
import type { Request, Response } from 'express';
import { withAccount } from '../../reports/views/account-chrome.js';
import type { Chrome } from '../../reports/views/chrome.js';
import { csrfTokenFor } from '../auth/csrf.js';
import { principalOf } from '../auth/principal.js';
import type { Views } from '../views.js';

export function renderPage(
  req: Request,
  res: Response,
  views: Views,
  page: string,
  model: Chrome,
  status = 200,
): void {
  const user = principalOf(res)?.user;
  const viewer = user === undefined ? null : { displayName: user.displayName, role: user.role };
  const html = views.render(page, { ...withAccount(model, viewer, csrfTokenFor(req, res)) });
  res.status(status).type('html').send(html);
}
