/**
 * GET /indicators/check: the form where a researcher pastes one indicator definition; POST checks
 * it against the catalogue (checkIndicatorDraftText: the registry's own checks, every fixture run)
 * and shows the outcome under the form, the text kept for the next edit. Needs indicators.draft;
 * the pages router has already parsed the form (64 kB) and checked its CSRF token. Nothing is
 * stored or audited. A draft nested deeper than MAX_JSON_DEPTH is refused on the form with 400.
 */
import { Router } from 'express';
import { ValidationError } from '../../errors.js';
import { checkIndicatorDraftText, type DraftCheck } from '../../indicators/check-draft.js';
import type { Registry } from '../../indicators/registry-types.js';
import { indicatorCheckPage } from '../../reports/views/indicator-check-page.js';
import { requirePermission } from '../auth/require-permission.js';
import type { Views } from '../views.js';
import { pageLang } from './page-lang.js';
import { renderPage } from './render-page.js';

function draftText(body: unknown): string {
  const draft: unknown =
    body !== null && typeof body === 'object' ? (body as Record<string, unknown>).draft : undefined;
  return typeof draft === 'string' ? draft : '';
}

/** `definitions.registry` is read per request: a publication changes it (services.ts). */
export function indicatorCheckPages(definitions: { readonly registry: Registry }, views: Views): Router {
  const router = Router();
  router.get('/indicators/check', requirePermission('indicators.draft'), (req, res) => {
    renderPage(req, res, views, 'indicator-check', indicatorCheckPage(pageLang(req, res), '', null));
  });
  router.post('/indicators/check', requirePermission('indicators.draft'), (req, res) => {
    const lang = pageLang(req, res);
    const text = draftText(req.body);
    let result: DraftCheck;
    let status = 200;
    try {
      result = checkIndicatorDraftText(definitions.registry, text);
    } catch (error) {
      // A draft the check refuses to read at all (nested too deeply): shown on the form, 400.
      if (!(error instanceof ValidationError)) throw error;
      const problems = error.details.map((d) => ({
        where: d.where ?? '',
        message: d.message,
        expected: '',
        found: '',
      }));
      result = { ok: false, problems, fixtures: [] };
      status = 400;
    }
    renderPage(req, res, views, 'indicator-check', indicatorCheckPage(lang, text, result), status);
  });
  return router;
}
