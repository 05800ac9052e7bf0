/**
 * Reading evaluations, with the one rule about drafts: reading needs reports.read, and a draft
 * exists only for those with drafts.read; to anyone else it answers the same NotFoundError as an
 * id that does not exist, so drafts cannot be discovered. The API, the pages and the CLI read
 * evaluations, their version line and their stored results through here.
 *
 * @example const evaluation = await visibleEvaluation(services, actor, 'ev_…')
 */
import { can } from '../access/permissions.js';
import type { Evaluation, EvaluationStatus } from '../domain/evaluation.js';
import type { JsonValue } from '../domain/json-value.js';
import { NotFoundError } from '../errors.js';
import type { Store } from '../store/store.js';
import { assertMay, type Actor } from './actor.js';

export interface EvaluationsQuery {
  readonly status?: EvaluationStatus;
  readonly frameworkId?: string;
  readonly limit: number;
  readonly offset?: number;
}

/** The evaluation, if this actor may see it. */
export async function visibleEvaluation(
  context: { readonly store: Store },
  actor: Actor,
  id: string,
): Promise<Evaluation> {
  assertMay(actor, 'reports.read');
  const evaluation = await context.store.evaluations.get(id);
  if (evaluation === undefined || (evaluation.status === 'draft' && !can(actor.role, 'drafts.read')))
    throw new NotFoundError(`no evaluation ${id}`);
  return evaluation;
}

/** Evaluations, newest first; only published ones for an actor without drafts.read. */
export async function evaluationsList(
  context: { readonly store: Store },
  actor: Actor,
  query: EvaluationsQuery,
): Promise<Evaluation[]> {
  assertMay(actor, 'reports.read');
  const draftsVisible = can(actor.role, 'drafts.read');
  if (query.status === 'draft' && !draftsVisible) return [];
  const status = draftsVisible ? query.status : 'published';
  return context.store.evaluations.list({
    ...(status === undefined ? {} : { status }),
    ...(query.frameworkId === undefined ? {} : { frameworkId: query.frameworkId }),
    limit: query.limit,
    ...(query.offset === undefined ? {} : { offset: query.offset }),
  });
}

/** The versions of an evaluation's line, oldest first, as far as this actor may see them. */
export async function evaluationLine(
  context: { readonly store: Store },
  actor: Actor,
  id: string,
): Promise<{ lineage: string; items: Evaluation[] }> {
  assertMay(actor, 'reports.read');
  const line = await context.store.evaluations.versions(id);
  const items = can(actor.role, 'drafts.read') ? line : line.filter((e) => e.status === 'published');
  if (!items.some((e) => e.id === id)) throw new NotFoundError(`no evaluation ${id}`);
  return { lineage: line[0]?.lineage ?? id, items };
}

/** The stored results of an evaluation this actor may see (checked against their recorded hash); undefined before there are any. */
export async function storedResults(
  context: { readonly store: Store },
  actor: Actor,
  id: string,
): Promise<JsonValue | undefined> {
  const evaluation = await visibleEvaluation(context, actor, id);
  return context.store.evaluations.readResults(evaluation.id);
}

/** The stored results' JSON text as stored, the bytes `results.sha256` (the ETag) is the hash of; undefined before there are any. */
export async function storedResultsText(
  context: { readonly store: Store },
  actor: Actor,
  id: string,
): Promise<Buffer | undefined> {
  const evaluation = await visibleEvaluation(context, actor, id);
  return context.store.evaluations.readResultsText(evaluation.id);
}
