/**
 * GET /indicators: the indicator catalogue of one framework (?framework=, default "default" when
 * the registry has it), with ?format=csv|xlsx|json&table=indicators for the table of definitions.
 * Every role may read it (reports.read).
 */
import { Router } from 'express';
import { can } from '../../access/permissions.js';
import type { Registry } from '../../indicators/registry-types.js';
import { catalogueExport, cataloguePage } from '../../reports/views/catalogue-page.js';
import type { Views } from '../views.js';
import { templateChoices } from '../../services/data-template.js';
import type { Services } from '../../services/services.js';
import { templateFormView } from '../../reports/views/template-form.js';
import { requestActor } from '../request-actor.js';
import { principalOf } from '../auth/principal.js';
import { requirePermission } from '../auth/require-permission.js';
import { renderPage } from './render-page.js';
import { pageLang } from './page-lang.js';
import { oneOf, text } from './page-query.js';
import { EXPORT_FORMATS, sendTable } from './send-table.js';

export function cataloguePages(registry: Registry, views: Views, services: Services): Router {
  const router = Router();
  const fallback = registry.frameworks.has('default')
    ? 'default'
    : ([...registry.frameworks.keys()][0] ?? 'default');
  router.get('/indicators', requirePermission('reports.read'), async (req, res) => {
    const lang = pageLang(req, res);
    const framework = text(req.query, 'framework', 64) ?? fallback;
    const format = oneOf(req.query, 'format', EXPORT_FORMATS);
    if (format !== undefined) {
      await sendTable(res, catalogueExport(registry, framework, lang), format);
      return;
    }
    // Researchers and admins get a link to the draft check.
    const role = principalOf(res)?.user.role;
    const draftCheckHref = role !== undefined && can(role, 'indicators.draft') ? '/indicators/check' : null;
    const choices = await templateChoices(services, requestActor(res));
    const templateForm = templateFormView(registry, framework, choices, lang);
    const page = { ...cataloguePage(registry, framework, lang), draftCheckHref, templateForm };
    renderPage(req, res, views, 'catalogue', page);
  });
  return router;
}
