/**
 * What the reader of an evaluation page may see. Drafts exist only for roles with drafts.read: for
 * anyone else a draft answers the same 404 as an id that does not exist, so drafts cannot be
 * discovered. A reader with a unit scope sees only their units (reportScope), and a page about a
 * unit outside it answers 404 as well.
 */
import type { Response } from 'express';
import { can } from '../../access/permissions.js';
import { NotFoundError } from '../../errors.js';
import type { ReportCache } from '../../services/report-cache.js';
import type { ReportContext } from '../../reports/context/report-context.js';
import { reportScope, scopeAllowsCode, type ReportScope } from '../../reports/context/report-scope.js';
import type { Evaluation } from '../../domain/evaluation.js';
import { requirePrincipal } from '../auth/principal.js';

export function mayReadDrafts(res: Response): boolean {
  return can(requirePrincipal(res).user.role, 'drafts.read');
}

/** Whether this reader may see the evaluation at all. */
export function mayRead(res: Response, evaluation: Evaluation): boolean {
  return evaluation.status === 'published' || mayReadDrafts(res);
}

/** The report context of an evaluation this reader may see, or the 404 of a missing one. */
export async function readableContext(cache: ReportCache, res: Response, id: string): Promise<ReportContext> {
  const evaluation = await cache.evaluation(id);
  if (!mayRead(res, evaluation)) throw new NotFoundError(`no evaluation ${id}`);
  return cache.context(id);
}

export function scopeOf(res: Response, context: ReportContext): ReportScope {
  return reportScope(context, scopeRootsOf(res));
}

/** The units the reader is limited to (with everything below them), or null for every unit. */
export function scopeRootsOf(res: Response): readonly string[] | null {
  return requirePrincipal(res).user.unitScope;
}

/** Refuses (404) a unit the reader may not see, with the same words as a unit not in the report. */
export function assertUnitVisible(context: ReportContext, scope: ReportScope, code: string): void {
  if (!scopeAllowsCode(context, scope, code))
    throw new NotFoundError(`unit ${code} is not part of evaluation ${context.evaluation.id}`);
}
