/**
 * The indicator frameworks of the registry: GET /api/v1/frameworks, /frameworks/:id (tree,
 * variables, methods, hashes) and /frameworks/:id/template?format=csv|xlsx[&under=CODE[&values=PERIOD][&period=PERIOD]]
 * (the data-collection form, blank or prefilled with the communities under a unit: services/data-template.ts).
 * The catalogue is open to every role (reports.read).
 */
import { Router } from 'express';
import { ValidationError } from '../../errors.js';
import { DATA_TEMPLATE_FORMATS, dataTemplate } from '../../services/data-template.js';
import type { Services } from '../../services/services.js';
import { requirePermission } from '../auth/require-permission.js';
import { requestActor } from '../request-actor.js';
import { textParam } from './paging.js';

/** `services.registry` is read per request: a publication changes it (services.ts). */
export function frameworksRouter(services: Services): Router {
  const router = Router();
  router.get('/frameworks', requirePermission('reports.read'), (_req, res) => {
    const { registry } = services;
    const items = [...registry.frameworks.values()].map((f) => ({
      id: f.definition.id,
      version: f.definition.version,
      name: f.definition.name,
      hash: f.hash,
      indicators: f.definition.indicators.length,
    }));
    res.json({ items });
  });
  router.route('/frameworks/:id').get(requirePermission('reports.read'), (req, res) => {
    const framework = services.registry.resolveFramework(req.params.id);
    res.json({
      id: framework.definition.id,
      version: framework.definition.version,
      name: framework.definition.name,
      description: framework.definition.description,
      hash: framework.hash,
      root: framework.root,
      dimensions: framework.dimensions.map((d) => ({
        id: d.id,
        parent: d.parentId,
        weight: d.weight,
        hash: d.hash,
        name: d.definition.name,
      })),
      indicators: framework.indicators.map((i) => ({
        id: i.id,
        dimension: i.parentId,
        weight: i.weight,
        hash: i.hash,
        version: i.definition.version,
        name: i.definition.name,
        unit: i.definition.unit,
        direction: i.definition.direction,
        formula: i.definition.formula,
      })),
      variables: framework.variables,
      methods: framework.methods,
    });
  });
  router.route('/frameworks/:id/template').get(requirePermission('reports.read'), async (req, res) => {
    const format = textParam(req.query, 'format') ?? 'csv';
    const known = DATA_TEMPLATE_FORMATS.find((f) => f === format);
    if (known === undefined) {
      throw new ValidationError('query parameter format must be csv or xlsx', [
        { where: 'query.format', message: `found ${JSON.stringify(format)}` },
      ]);
    }
    // An empty field of the catalogue's form means "not chosen".
    const given = (name: string): Record<string, string> => {
      const value = textParam(req.query, name);
      return value === undefined || value === '' ? {} : { [name]: value };
    };
    const file = await dataTemplate(services, requestActor(res), {
      framework: req.params.id,
      format: known,
      ...given('under'),
      ...given('values'),
      ...given('period'),
    });
    res.type(file.contentType).attachment(file.fileName).send(file.body);
  });
  return router;
}
