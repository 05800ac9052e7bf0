/**
 * POST /api/v1/indicator-drafts/check: a researcher sends one indicator definition (the JSON body)
 * and gets back what `indicators check` would say about it among the current catalogue: problems
 * with their JSON pointer and every fixture run. A draft with problems still answers 200 (the
 * check ran). Nothing is stored and nothing is audited, since nothing changes.
 */
import { Router } from 'express';
import { checkIndicatorDraft } from '../../indicators/check-draft.js';
import type { Registry } from '../../indicators/registry-types.js';
import { requirePermission } from '../auth/require-permission.js';

/** `definitions.registry` is read per request: a publication changes it (services.ts). */
export function indicatorDraftsRouter(definitions: { readonly registry: Registry }): Router {
  const router = Router();
  router.post('/indicator-drafts/check', requirePermission('indicators.draft'), (req, res) => {
    const body: unknown = req.body;
    res.json(checkIndicatorDraft(definitions.registry, body));
  });
  return router;
}
