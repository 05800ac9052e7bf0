/**
 * The definitions catalogue over HTTP: POST /api/v1/catalogue publishes changed definition files
 * as the next catalogue version (publishDefinitions: indicators.draft, checked, audited, visible to
 * every door at once); GET /api/v1/catalogue/versions lists the versions, newest first, and
 * GET /api/v1/catalogue/versions/:n gives one with its files. Definitions are open to every role
 * (reports.read), as the catalogue page is.
 *
 * @example POST /api/v1/catalogue {"basedOn": 3, "reason": "新增指标", "changes": [{"file": "coverage/x.json", "text": "{…}"}]}
 */
import { Router } from 'express';
import { NotFoundError } from '../../errors.js';
import type { CatalogueVersion, CatalogueVersionSummary } from '../../domain/catalogue.js';
import { catalogueVersion, catalogueVersions } from '../../services/read-catalogue.js';
import { publishDefinitions, type DefinitionsPublication } from '../../services/publish-definitions.js';
import type { Services } from '../../services/services.js';
import { requirePermission } from '../auth/require-permission.js';
import { requestActor } from '../request-actor.js';

function summaryOf(version: CatalogueVersion): CatalogueVersionSummary {
  return {
    version: version.version,
    sha256: version.sha256,
    fileCount: version.fileCount,
    reason: version.reason,
    actor: version.actor,
    createdAt: version.createdAt,
    basedOn: version.basedOn,
    origin: version.origin,
    changes: version.changes,
  };
}

export function catalogueRouter(services: Services): Router {
  const router = Router();

  router.post('/catalogue', requirePermission('indicators.draft'), async (req, res) => {
    // An empty reason or change set gets the use case's own words, so only the shape is read here.
    const version = await publishDefinitions(services, requestActor(res), req.body as DefinitionsPublication);
    res.status(201).location(`/api/v1/catalogue/versions/${version.version}`).json(summaryOf(version));
  });

  router.get('/catalogue/versions', requirePermission('reports.read'), async (_req, res) => {
    res.json({ items: await catalogueVersions(services, requestActor(res)) });
  });

  router.get('/catalogue/versions/:n', requirePermission('reports.read'), async (req, res) => {
    const given = String(req.params.n);
    if (!/^[1-9][0-9]{0,8}$/.test(given))
      throw new NotFoundError(`no catalogue version ${JSON.stringify(given)}`);
    const n = Number(given);
    res.json(await catalogueVersion(services, requestActor(res), n));
  });

  return router;
}
