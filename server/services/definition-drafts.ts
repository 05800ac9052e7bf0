/**
 * The use cases of a researcher's definition drafts (indicators.draft: researchers and admins):
 * start one from a new indicator, a new dimension or a revision; add files to it; save its files
 * and title; delete it; read it and list one's own. Only the owner or an admin sees a draft, and
 * only its owner changes it. Every change is audited as definitions.draft.*, naming the files.
 *
 * @example
 * const draft = await createDefinitionDraft(services, actor, { title: '专业性', start: { kind: 'dimension', id: 'professionalism' } });
 */
import type { DefinitionDraft, DraftChange } from '../domain/definition-draft.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import { draftStart, type DraftStart } from '../indicators/draft-start.js';
import { assertMay, type Actor } from './actor.js';
import { catalogueNow } from './catalogue-now.js';
import type { Services } from './services.js';

type Context = Pick<Services, 'store' | 'catalogue'>;

function filesOf(changes: readonly DraftChange[]): string[] {
  return changes.map((change) => (change.text === null ? `-${change.file}` : change.file));
}

/** The draft, when the actor may see it (its owner, or an admin). */
export async function readDefinitionDraft(
  context: Context,
  actor: Actor,
  id: string,
): Promise<DefinitionDraft> {
  assertMay(actor, 'indicators.draft');
  const draft = await context.store.definitionDrafts.get(id);
  if (draft === undefined) throw new NotFoundError(`没有定义草稿 ${id}; no definition draft ${id}`);
  if (draft.owner !== actor.name && actor.role !== 'admin') {
    throw new ForbiddenError(
      `只有作者和管理员可以查看此草稿; only its owner or an admin may see the draft ${id}`,
    );
  }
  return draft;
}

export async function listDefinitionDrafts(context: Context, actor: Actor): Promise<DefinitionDraft[]> {
  assertMay(actor, 'indicators.draft');
  return context.store.definitionDrafts.listByOwner(actor.name);
}

export async function createDefinitionDraft(
  context: Context,
  actor: Actor,
  input: { readonly title: string; readonly start?: DraftStart },
): Promise<DefinitionDraft> {
  assertMay(actor, 'indicators.draft');
  const { registry, version } = catalogueNow(context);
  const changes = input.start === undefined ? [] : [draftStart(registry, input.start)];
  const draft = await context.store.definitionDrafts.create({
    owner: actor.name,
    title: input.title,
    basedOn: version,
    changes,
  });
  await context.store.audit.append({
    actor: actor.name,
    action: 'definitions.draft.create',
    target: draft.id,
    detail: { title: draft.title, basedOn: draft.basedOn, files: filesOf(draft.changes) },
  });
  return draft;
}

export async function saveDefinitionDraft(
  context: Context,
  actor: Actor,
  id: string,
  change: { readonly title?: string; readonly changes?: readonly DraftChange[] },
): Promise<DefinitionDraft> {
  assertMay(actor, 'indicators.draft');
  const saved = await context.store.definitionDrafts.save(id, actor.name, change);
  await context.store.audit.append({
    actor: actor.name,
    action: 'definitions.draft.save',
    target: saved.id,
    detail: { title: saved.title, files: filesOf(saved.changes) },
  });
  return saved;
}

/**
 * Adds the file a starting point makes (a new indicator, dimension or revision) to the draft; a
 * file the draft already changes is left as the draft has it.
 */
export async function addDraftFile(
  context: Context,
  actor: Actor,
  id: string,
  start: DraftStart,
): Promise<DefinitionDraft> {
  const draft = await readDefinitionDraft(context, actor, id);
  const added = draftStart(catalogueNow(context).registry, start);
  if (draft.changes.some((change) => change.file === added.file)) return draft;
  return saveDefinitionDraft(context, actor, id, { changes: [...draft.changes, added] });
}

export async function deleteDefinitionDraft(
  context: Context,
  actor: Actor,
  id: string,
): Promise<DefinitionDraft> {
  await readDefinitionDraft(context, actor, id);
  const deleted = await context.store.definitionDrafts.delete(id);
  await context.store.audit.append({
    actor: actor.name,
    action: 'definitions.draft.delete',
    target: deleted.id,
    detail: { title: deleted.title, owner: deleted.owner, files: filesOf(deleted.changes) },
  });
  return deleted;
}
