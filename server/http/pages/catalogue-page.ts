/**
 * GET /indicators: the indicator catalogue of one framework (?framework=, default "default" when
 * the registry has it), with ?format=csv|xlsx|json&table=indicators for the table of definitions.
 * Every role may read it (reports.read). Below, the catalogue's version history (?format=…&table=history).
 */
import { Router } from 'express';
import { can } from '../../access/permissions.js';
import type { Services } from '../../services/services.js';
import { catalogueVersions } from '../../services/read-catalogue.js';
import { catalogueHistory, catalogueHistoryExport } from '../../reports/views/catalogue-history.js';
import { requestActor } from '../request-actor.js';
import { catalogueExport, cataloguePage } from '../../reports/views/catalogue-page.js';
import type { Views } from '../views.js';
import { templateChoices } from '../../services/data-template.js';
import { templateFormView } from '../../reports/views/template-form.js';
import { principalOf } from '../auth/principal.js';
import { requirePermission } from '../auth/require-permission.js';
import { renderPage } from './render-page.js';
import { pageLang } from './page-lang.js';
import { oneOf, text } from './page-query.js';
import { EXPORT_FORMATS, sendTable } from './send-table.js';

export function cataloguePages(services: Services, views: Views): Router {
  const router = Router();
  router.get('/indicators', requirePermission('reports.read'), async (req, res) => {
    // Read per request: a publication changes the registry (services.ts).
    const { registry } = services;
    const fallback = registry.frameworks.has('default')
      ? 'default'
      : ([...registry.frameworks.keys()][0] ?? 'default');
    const lang = pageLang(req, res);
    const framework = text(req.query, 'framework', 64) ?? fallback;
    const format = oneOf(req.query, 'format', EXPORT_FORMATS);
    const versions = await catalogueVersions(services, requestActor(res));
    if (format !== undefined) {
      const table =
        text(req.query, 'table', 20) === 'history'
          ? catalogueHistoryExport(versions, lang)
          : catalogueExport(registry, framework, lang);
      await sendTable(res, table, format);
      return;
    }
    // Researchers and admins get a link to the draft check.
    const role = principalOf(res)?.user.role;
    const draftCheckHref = role !== undefined && can(role, 'indicators.draft') ? '/indicators/check' : null;
    const choices = await templateChoices(services, requestActor(res));
    const templateForm = templateFormView(registry, framework, choices, lang);
    const history = catalogueHistory(versions, services.catalogue.version(), { framework }, lang);
    const page = { ...cataloguePage(registry, framework, lang), draftCheckHref, templateForm, history };
    renderPage(req, res, views, 'catalogue', page);
  });
  return router;
}
