/**
 * The researcher's workbench pages (indicators.draft: researchers and admins; others get 403):
 * GET /definitions/drafts lists one's drafts with the forms that start one (a new indicator in a
 * dimension, a new dimension, a revision of an indicator, dimension or framework); a draft's page
 * GET /definitions/drafts/:id shows each file as a form beside its JSON, the check of the whole
 * draft and, with ?framework=&evaluation=, the impact preview. Every change is a POST form
 * (CSRF-checked by the pages router) answered by a redirect back to the draft. Each route only
 * translates the form and calls the use cases.
 */
import { Router, type Request } from 'express';
import type { DraftChange } from '../../domain/definition-draft.js';
import { ValidationError } from '../../errors.js';
import { applyDefinitionForm } from '../../indicators/definition-form.js';
import type { DraftStart } from '../../indicators/draft-start.js';
import type { Lang } from '../../reports/i18n/lang.js';
import { labelsFor } from '../../reports/i18n/labels.js';
import { pick } from '../../reports/i18n/pick.js';
import { definitionDraftPage, definitionDraftsPage } from '../../reports/views/definition-draft-page.js';
import { definitionPreviewView } from '../../reports/views/definition-preview-view.js';
import { evaluationTitle } from '../../reports/views/evaluation-title.js';
import { catalogueNow } from '../../services/catalogue-now.js';
import { checkDefinitionDraft } from '../../services/check-definition-draft.js';
import {
  addDraftFile,
  createDefinitionDraft,
  deleteDefinitionDraft,
  listDefinitionDrafts,
  readDefinitionDraft,
  saveDefinitionDraft,
} from '../../services/definition-drafts.js';
import { previewDefinitions } from '../../services/preview-definitions.js';
import { publishDefinitionDraft } from '../../services/publish-definition-draft.js';
import { evaluationsList } from '../../services/read-evaluations.js';
import type { Services } from '../../services/services.js';
import { requirePermission } from '../auth/require-permission.js';
import { requestActor } from '../request-actor.js';
import type { Views } from '../views.js';
import { formText } from './form-fields.js';
import { pageLang } from './page-lang.js';
import { routeParam, text } from './page-query.js';
import { renderPage } from './render-page.js';

/** The longest definition text a form may send (the store's own limit). */
const MAX_TEXT = 200_000;
/** How many evaluations the preview offers to compare with (the newest). */
const EVALUATIONS_OFFERED = 50;

function catalogueChoices(services: Services) {
  const { registry } = catalogueNow(services);
  return {
    dimensions: [...registry.dimensions.keys()],
    definitions: [
      ...[...registry.frameworks.values()].map(({ definition }) => ({
        kind: 'framework' as const,
        id: definition.id,
        label: `${definition.id} ${definition.version}`,
      })),
      ...[...registry.dimensions.values()].map(({ definition }) => ({
        kind: 'dimension' as const,
        id: definition.id,
        label: definition.id,
      })),
      ...[...registry.indicators.values()].map(({ definition }) => ({
        kind: 'indicator' as const,
        id: definition.id,
        label: `${definition.id} ${definition.version}`,
      })),
    ],
  };
}

/** The starting point a start form describes. */
function startOf(req: Request): DraftStart {
  const kind = formText(req, 'start', 20);
  if (kind === 'indicator') {
    return { kind, dimension: formText(req, 'dimension', 64).trim(), id: formText(req, 'id', 64).trim() };
  }
  if (kind === 'dimension') {
    const parent = formText(req, 'parent', 64).trim();
    return { kind, id: formText(req, 'id', 64).trim(), ...(parent === '' ? {} : { parent }) };
  }
  if (kind === 'revise') {
    const [target, id] = formText(req, 'definition', 140).split(':');
    if ((target === 'indicator' || target === 'dimension' || target === 'framework') && id !== undefined) {
      return { kind, target, id };
    }
  }
  throw new ValidationError({ zh: '请选择要新建或修订的定义', en: 'choose what to add or revise' }, [
    { where: 'start', message: `expected indicator, dimension or revise, found ${JSON.stringify(kind)}` },
  ]);
}

/** The form's fields named by JSON pointer, as the editor posts them. */
function pointerFields(req: Request): Map<string, string> {
  const body: unknown = req.body;
  const fields = new Map<string, string>();
  if (typeof body !== 'object' || body === null) return fields;
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    if (name.startsWith('/') && typeof value === 'string') fields.set(name, value);
  }
  return fields;
}

function fileIndex(req: Request, changes: readonly DraftChange[]): number {
  const index = Number(routeParam(req.params, 'index'));
  if (!Number.isInteger(index) || index < 0 || index >= changes.length) {
    throw new ValidationError({ zh: '草稿中没有这个文件', en: 'the draft has no such file' }, [
      { where: 'index', message: `expected 0–${changes.length - 1}` },
    ]);
  }
  return index;
}

function draftPath(id: string, lang: Lang, extra = ''): string {
  return `/definitions/drafts/${encodeURIComponent(id)}${lang === 'en' ? '?lang=en' : ''}${extra}`;
}

export function definitionDraftPages(services: Services, views: Views): Router {
  const router = Router();
  const may = requirePermission('indicators.draft');

  router.get('/definitions/drafts', may, async (req, res) => {
    const lang = pageLang(req, res);
    const drafts = await listDefinitionDrafts(services, requestActor(res));
    // After a publication the list names the catalogue version it made.
    const published = Number(text(req.query, 'published', 12));
    const page = definitionDraftsPage(
      lang,
      drafts,
      catalogueChoices(services),
      Number.isInteger(published) && published > 0 ? published : null,
    );
    renderPage(req, res, views, 'definition-drafts', page);
  });

  router.post('/definitions/drafts', may, async (req, res) => {
    const lang = pageLang(req, res);
    const title = formText(req, 'title', 200).trim();
    if (title === '') {
      throw new ValidationError({ zh: '请填写草稿名称', en: 'the draft needs a title' }, [
        { where: 'title', message: 'required' },
      ]);
    }
    const draft = await createDefinitionDraft(services, requestActor(res), { title, start: startOf(req) });
    res.redirect(303, draftPath(draft.id, lang));
  });

  router.get('/definitions/drafts/:id', may, async (req, res) => {
    const lang = pageLang(req, res);
    const actor = requestActor(res);
    const id = routeParam(req.params, 'id');
    const { draft, check, catalogueVersion, stale } = await checkDefinitionDraft(services, actor, id);
    const framework = text(req.query, 'framework', 64);
    const evaluation = text(req.query, 'evaluation', 80);
    const evaluations = check.ok
      ? await evaluationsList(services, actor, { limit: EVALUATIONS_OFFERED })
      : [];
    let preview = null;
    if (check.ok && check.registry !== undefined && framework !== undefined && evaluation !== undefined) {
      const result = await previewDefinitions(services, actor, {
        draftId: id,
        frameworkId: framework,
        evaluationId: evaluation,
      });
      const registry = check.registry;
      const names = new Map<string, string>([
        ...[...registry.dimensions.values()].map(
          ({ definition }) => [definition.id, pick(definition.name, lang)] as const,
        ),
        ...[...registry.indicators.values()].map(
          ({ definition }) => [definition.id, pick(definition.name, lang)] as const,
        ),
      ]);
      const compared = evaluations.find((candidate) => candidate.id === evaluation);
      preview = definitionPreviewView(
        result,
        compared === undefined ? evaluation : evaluationTitle(compared, lang),
        names,
        lang,
      );
    }
    const page = definitionDraftPage(lang, {
      draft,
      check,
      catalogueVersion,
      stale,
      catalogue: catalogueChoices(services),
      frameworks: check.registry === undefined ? [] : [...check.registry.frameworks.keys()],
      evaluations: evaluations.map((candidate) => ({
        id: candidate.id,
        title: evaluationTitle(candidate, lang),
      })),
      selected: {
        ...(framework === undefined ? {} : { framework }),
        ...(evaluation === undefined ? {} : { evaluation }),
      },
      preview,
      notice: text(req.query, 'notice', 20) === 'not-applied' ? labelsFor(lang).defsNotApplied : null,
    });
    renderPage(req, res, views, 'definition-draft', page);
  });

  router.post('/definitions/drafts/:id/files', may, async (req, res) => {
    const id = routeParam(req.params, 'id');
    await addDraftFile(services, requestActor(res), id, startOf(req));
    res.redirect(303, draftPath(id, pageLang(req, res)));
  });

  // One file's form and JSON: "from" says which the researcher saved (with the script both agree).
  router.post('/definitions/drafts/:id/files/:index', may, async (req, res) => {
    const lang = pageLang(req, res);
    const actor = requestActor(res);
    const id = routeParam(req.params, 'id');
    const draft = await readDefinitionDraft(services, actor, id);
    const index = fileIndex(req, draft.changes);
    const json = formText(req, 'json', MAX_TEXT);
    const applied =
      formText(req, 'from', 10) === 'form'
        ? applyDefinitionForm(json, pointerFields(req))
        : { text: json, applied: true };
    const changes = draft.changes.map((change, k) =>
      k === index ? { file: change.file, text: applied.text } : change,
    );
    await saveDefinitionDraft(services, actor, id, { changes });
    res.redirect(
      303,
      `${draftPath(id, lang, applied.applied ? '' : `${lang === 'en' ? '&' : '?'}notice=not-applied`)}#file-${index}`,
    );
  });

  // Takes a file out of the draft, or (remove=catalogue) marks it for removal from the catalogue.
  router.post('/definitions/drafts/:id/files/:index/drop', may, async (req, res) => {
    const actor = requestActor(res);
    const id = routeParam(req.params, 'id');
    const draft = await readDefinitionDraft(services, actor, id);
    const index = fileIndex(req, draft.changes);
    const fromCatalogue = formText(req, 'remove', 20) === 'catalogue';
    const changes = draft.changes.flatMap((change, k) => {
      if (k !== index) return [change];
      return fromCatalogue ? [{ file: change.file, text: null }] : [];
    });
    await saveDefinitionDraft(services, actor, id, { changes });
    res.redirect(303, draftPath(id, pageLang(req, res)));
  });

  // Publishing needs a reason; the new catalogue version is named on the drafts list.
  router.post('/definitions/drafts/:id/publish', may, async (req, res) => {
    const { version } = await publishDefinitionDraft(
      services,
      requestActor(res),
      routeParam(req.params, 'id'),
      formText(req, 'reason', 1000),
    );
    res.redirect(303, `/definitions/drafts?published=${version}`);
  });

  router.post('/definitions/drafts/:id/delete', may, async (req, res) => {
    const lang = pageLang(req, res);
    await deleteDefinitionDraft(services, requestActor(res), routeParam(req.params, 'id'));
    res.redirect(303, `/definitions/drafts${lang === 'en' ? '?lang=en' : ''}`);
  });
  return router;
}
