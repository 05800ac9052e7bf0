/**
 * Before a request is handled, lets the definitions catalogue pick up a version that another Zhili
 * process on the same MongoDB published (DefinitionCatalogue.refreshWhenDue: at most one store query
 * every few seconds per process; most requests pass straight on).
 */
import type { RequestHandler } from 'express';
import type { DefinitionCatalogue } from '../services/definition-catalogue.js';

export function catalogueFreshness(catalogue: DefinitionCatalogue): RequestHandler {
  return (_req, _res, next) => {
    const check = catalogue.refreshWhenDue();
    if (check === undefined) {
      next();
      return;
    }
    // A failed check (the store unreachable) leaves the definitions as they were; the request's own
    // reads report the store's state, and the next check comes after the interval.
    check.then(
      () => {
        next();
      },
      () => {
        next();
      },
    );
  };
}
