/**
 * The indicator frameworks of the registry: GET /api/v1/frameworks, /frameworks/:id (tree,
 * variables, methods, hashes) and /frameworks/:id/template?format=csv|xlsx (the data-collection form).
 * The catalogue is open to every role (reports.read).
 */
import { Router } from 'express';
import { ValidationError } from '../../errors.js';
import type { Registry } from '../../indicators/registry-types.js';
import { templateCsv } from '../../indicators/template/template-csv.js';
import { templateXlsx } from '../../indicators/template/template-xlsx.js';
import { requirePermission } from '../auth/require-permission.js';
import { textParam } from './paging.js';

/** `definitions.registry` is read per request: a publication changes it (services.ts). */
export function frameworksRouter(definitions: { readonly registry: Registry }): Router {
  const router = Router();
  router.get('/frameworks', requirePermission('reports.read'), (_req, res) => {
    const { registry } = definitions;
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
    const framework = definitions.registry.resolveFramework(req.params.id);
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
    const framework = definitions.registry.resolveFramework(req.params.id);
    const format = textParam(req.query, 'format') ?? 'csv';
    const name = `zhili-template-${framework.definition.id}`;
    if (format === 'csv') {
      res.type('text/csv; charset=utf-8').attachment(`${name}.csv`).send(templateCsv(framework));
    } else if (format === 'xlsx') {
      res
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .attachment(`${name}.xlsx`);
      res.send(await templateXlsx(framework));
    } else {
      throw new ValidationError('query parameter format must be csv or xlsx', [
        { where: 'query.format', message: `found ${JSON.stringify(format)}` },
      ]);
    }
  });
  return router;
}
