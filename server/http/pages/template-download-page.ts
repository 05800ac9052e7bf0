/**
 * GET /indicators/template?framework=&format=csv|xlsx[&under=CODE][&values=PERIOD][&period=PERIOD]:
 * the template form's download (views/partials/template-form.hbs), through the same use case as
 * the API's /frameworks/:id/template. An empty field means "not chosen".
 */
import { Router } from 'express';
import { ValidationError } from '../../errors.js';
import { DATA_TEMPLATE_FORMATS, dataTemplate } from '../../services/data-template.js';
import type { Services } from '../../services/services.js';
import { requirePermission } from '../auth/require-permission.js';
import { requestActor } from '../request-actor.js';
import { text } from './page-query.js';

export function templateDownloadPages(services: Services): Router {
  const router = Router();
  router.get('/indicators/template', requirePermission('reports.read'), async (req, res) => {
    const field = (name: string): Record<string, string> => {
      const value = text(req.query, name, 64);
      return value === undefined ? {} : { [name]: value };
    };
    const format = text(req.query, 'format', 8) ?? 'xlsx';
    const known = DATA_TEMPLATE_FORMATS.find((f) => f === format);
    if (known === undefined) {
      throw new ValidationError(
        {
          zh: `文件格式应为 csv 或 xlsx，实际为“${format}”`,
          en: `the format must be csv or xlsx, found "${format}"`,
        },
        [{ where: 'format', message: `found ${JSON.stringify(format)}` }],
      );
    }
    const file = await dataTemplate(services, requestActor(res), {
      framework: text(req.query, 'framework', 64) ?? 'default',
      format: known,
      ...field('under'),
      ...field('values'),
      ...field('period'),
    });
    res.type(file.contentType).attachment(file.fileName).send(file.body);
  });
  return router;
}
