/**
 * The pages' static files, served by Zhili itself so reports work offline: views/static (CSS and
 * the small browser scripts) under /static, and chart.js's UMD build from node_modules at
 * /static/vendor/chart.umd.js. The chart.js file is located at start-up (fail at load).
 */
import express, { Router } from 'express';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { viewsDir } from '../../paths.js';

const require = createRequire(import.meta.url);

export function chartJsFile(): string {
  const file = path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.js');
  if (!existsSync(file)) throw new Error(`chart.js UMD build not found at ${file}: run npm ci`);
  return file;
}

export function staticRouter(): Router {
  const router = Router();
  const chartJs = chartJsFile();
  router.get('/static/vendor/chart.umd.js', (_req, res) => {
    res.type('text/javascript').sendFile(chartJs, { maxAge: '1d' });
  });
  router.use('/static', express.static(path.join(viewsDir, 'static'), { maxAge: '1h', index: false }));
  return router;
}
