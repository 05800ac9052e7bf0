/**
 * The use case "check my draft": the draft's files merged over the current catalogue go through
 * every check at once (checkCatalogueDraft). Reading only, so nothing is audited. `stale` says the
 * catalogue has moved on since the draft was made: the check is against the current catalogue.
 *
 * @example const { check, stale } = await checkDefinitionDraft(services, actor, 'dd_…');
 */
import type { DefinitionDraft } from '../domain/definition-draft.js';
import { checkCatalogueDraft, type CatalogueDraftCheck } from '../indicators/check-catalogue-draft.js';
import type { Actor } from './actor.js';
import { catalogueNow } from './catalogue-now.js';
import { readDefinitionDraft } from './definition-drafts.js';
import type { Services } from './services.js';

export interface DefinitionDraftCheck {
  readonly draft: DefinitionDraft;
  readonly check: CatalogueDraftCheck;
  /** The catalogue version the check ran against. */
  readonly catalogueVersion: number;
  readonly stale: boolean;
}

export async function checkDefinitionDraft(
  context: Pick<Services, 'store' | 'catalogue'>,
  actor: Actor,
  id: string,
): Promise<DefinitionDraftCheck> {
  const draft = await readDefinitionDraft(context, actor, id);
  const { registry, version } = catalogueNow(context);
  const check = checkCatalogueDraft(registry, draft.changes);
  return { draft, check, catalogueVersion: version, stale: draft.basedOn !== version };
}
