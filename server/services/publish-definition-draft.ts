/**
 * The use case "publish my draft to the catalogue" (indicators.draft; the draft's owner or an
 * admin): the draft must check clean against the current catalogue, then publishDefinitions
 * appends the new catalogue version (refusing a stale base), audits it with the reason and
 * reloads the registry, so the catalogue and the evaluation form offer the new definitions
 * without a restart. The published draft is then deleted (audited as definitions.draft.delete).
 *
 * @example const { version } = await publishDefinitionDraft(services, actor, 'dd_…', '增加专业性维度')
 */
import { ValidationError } from '../errors.js';
import type { Actor } from './actor.js';
import { checkDefinitionDraft } from './check-definition-draft.js';
import { deleteDefinitionDraft } from './definition-drafts.js';
import { publishDefinitions } from './publish-definitions.js';
import type { Services } from './services.js';

export async function publishDefinitionDraft(
  services: Services,
  actor: Actor,
  id: string,
  reason: string,
): Promise<{ readonly version: number }> {
  if (reason.trim() === '') {
    throw new ValidationError({ zh: '发布需要填写理由', en: 'publishing needs a reason' }, [
      { where: 'reason', message: 'required' },
    ]);
  }
  const { draft, check } = await checkDefinitionDraft(services, actor, id);
  if (!check.ok) {
    throw new ValidationError(
      {
        zh: `草稿还有 ${check.problems.length} 个问题，改正后才能发布`,
        en: `the draft has ${check.problems.length} problem(s): correct them before publishing`,
      },
      check.problems
        .slice(0, 20)
        .map((p) => ({ where: `${p.file} ${p.pointer}`.trim(), message: p.message })),
    );
  }
  const published = await publishDefinitions(services, actor, {
    basedOn: draft.basedOn,
    changes: draft.changes,
    reason: reason.trim(),
  });
  await deleteDefinitionDraft(services, actor, id);
  return { version: published.version };
}
