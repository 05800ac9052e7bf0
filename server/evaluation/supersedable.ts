/**
 * Checks, before any work is started, that an evaluation may get a new version: it exists, it is
 * published, and it is the latest of its line with no open draft version. The store checks the
 * same again when the version is stored (a rival may have got in meanwhile).
 *
 * @example const previous = await assertSupersedable(store, 'ev_a'); // ConflictError naming an open draft
 */
import { NotFoundError } from '../errors.js';
import { alreadySuperseded, draftNotSupersedable, type Evaluation } from '../store/models/evaluation.js';
import type { Store } from '../store/store.js';

export async function assertSupersedable(store: Store, id: string): Promise<Evaluation> {
  const previous = await store.evaluations.get(id);
  if (previous === undefined) throw new NotFoundError(`no evaluation ${id}`);
  if (previous.status !== 'published') throw draftNotSupersedable(id);
  const successor = (await store.evaluations.versions(id)).find((e) => e.supersedes === id);
  if (successor !== undefined) throw alreadySuperseded(id, successor);
  return previous;
}
