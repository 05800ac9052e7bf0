/**
 * The evaluator's forms (evaluations.run): a new evaluation at /evaluations/new, a new version of a
 * published evaluation at /evaluations/:id/versions/new, the live AHP consistency the form asks for
 * while the evaluator types, and the page that follows the evaluation job until it opens the new
 * draft (/evaluations/jobs/:id, with a cancel button). Submitting starts the job through the same
 * use cases as the API (startEvaluation, startVersion), which audit it; a refused form comes back
 * as typed with every problem named. Mounted before the report pages, whose /evaluations/:id would
 * otherwise read "new" and "jobs" as ids.
 */
import { Router, type Request, type Response } from 'express';
import { AppError } from '../../errors.js';
import { field, ticked, type EvaluationFormState } from '../../domain/evaluation-form.js';
import type { EvaluationSetup } from '../../domain/evaluation-setup.js';
import type { Evaluation } from '../../domain/evaluation.js';
import type { JsonValue } from '../../domain/json-value.js';
import type { Lang } from '../../reports/i18n/lang.js';
import { labelsFor } from '../../reports/i18n/labels.js';
import { ahpConsistencyView, type AhpConsistencyView } from '../../reports/views/ahp-consistency-view.js';
import { evaluationFormPage } from '../../reports/views/evaluation-form-page.js';
import { evaluationJobPage, jobProgress } from '../../reports/views/evaluation-job-page.js';
import { formProblem, formProblems, type FormProblem } from '../../reports/views/form-problems.js';
import { ahpConsistency } from '../../services/ahp-consistency.js';
import { cancelJob } from '../../services/cancel-job.js';
import { startEvaluation } from '../../services/create-evaluation.js';
import { evaluationSetup, versionSetup } from '../../services/evaluation-setup.js';
import { startVersion } from '../../services/make-version.js';
import type { Services } from '../../services/services.js';
import type { Views } from '../views.js';
import { requirePermission } from '../auth/require-permission.js';
import { requestActor } from '../request-actor.js';
import { evaluationFormRequest, nodeMatrix, type FormRequest } from './evaluation-form-request.js';
import { formState } from './evaluation-form-state.js';
import { pageLang } from './page-lang.js';
import { routeParam, text } from './page-query.js';
import { renderPage } from './render-page.js';

/** The consistency of every AHP matrix the form uses, as the engine computes it. */
function consistencies(res: Response, request: FormRequest, lang: Lang): Map<string, AhpConsistencyView> {
  const actor = requestActor(res);
  return new Map(
    request.ahp.map(({ node, matrix }) => [
      node.id,
      ahpConsistencyView(ahpConsistency(actor, matrix), node, lang),
    ]),
  );
}

function evaluationOf(result: JsonValue): string | undefined {
  if (typeof result !== 'object' || result === null || Array.isArray(result)) return undefined;
  return typeof result.evaluation === 'string' ? result.evaluation : undefined;
}

export function evaluationFormPages(services: Services, views: Views): Router {
  const router = Router();
  const mayRun = requirePermission('evaluations.run');

  function render(
    req: Request,
    res: Response,
    input: {
      setup: EvaluationSetup;
      state: EvaluationFormState;
      previous: Evaluation | null;
      problems?: readonly FormProblem[];
      consistency?: ReadonlyMap<string, AhpConsistencyView>;
    },
    status = 200,
  ): void {
    const lang = pageLang(req, res);
    const page = evaluationFormPage({ problems: [], consistency: new Map(), ...input }, lang);
    renderPage(req, res, views, 'evaluation-new', page, status);
  }

  /**
   * Checks a submitted form and starts its job: re-renders the form with the problems (422) or the
   * consistency the evaluator asked for (200), else returns the job's page to go to.
   */
  async function submit(
    req: Request,
    res: Response,
    setup: EvaluationSetup,
    state: EvaluationFormState,
    previous: Evaluation | null,
  ): Promise<string | null> {
    const lang = pageLang(req, res);
    const t = labelsFor(lang);
    const request = evaluationFormRequest(state, setup, lang);
    const consistency = consistencies(res, request, lang);
    if (text(req.body as Record<string, unknown>, 'check') === 'ahp') {
      render(req, res, { setup, state, previous, consistency });
      return null;
    }
    const problems: FormProblem[] = [...request.problems];
    for (const view of consistency.values())
      if (view.bad) problems.push(...formProblem(view.text, 'weighting', lang));
    if (previous === null && setup.publishedLine !== null && !ticked(state, 'parallel'))
      problems.push(...formProblem(t.parallelConfirmNeeded, 'parallel', lang));
    const reason = field(state, 'reason');
    if (previous !== null && reason === '') problems.push(...formProblem(t.formReasonHint, 'reason', lang));
    if (problems.length > 0) {
      render(req, res, { setup, state, previous, problems, consistency }, 422);
      return null;
    }
    const actor = requestActor(res);
    // The framework version chosen on the form (absent from an older form: the use case's default).
    const frameworkVersion = field(state, 'frameworkVersion');
    const version = frameworkVersion === '' ? {} : { frameworkVersion };
    try {
      const job =
        previous === null
          ? startEvaluation(services, actor, {
              framework: request.framework,
              periods: request.periods,
              methods: request.methods,
              ...(request.label === undefined ? {} : { label: request.label }),
              ...(request.uncertainty === undefined ? {} : { uncertainty: request.uncertainty }),
              ...version,
            })
          : await startVersion(services, actor, {
              previous: previous.id,
              reason,
              periods: request.periods,
              methods: request.methods,
              uncertainty: request.uncertainty ?? null,
              ...(request.label === undefined ? {} : { label: request.label }),
              ...version,
            });
      return `/evaluations/jobs/${encodeURIComponent(job.id)}`;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      render(req, res, { setup, state, previous, problems: formProblems(error, lang), consistency }, 422);
      return null;
    }
  }

  router.get('/evaluations/new', mayRun, async (req, res) => {
    const state = formState(req.query, false);
    const setup = await evaluationSetup(services, requestActor(res), state);
    render(req, res, { setup, state, previous: null });
  });

  router.post('/evaluations/new', mayRun, async (req, res) => {
    const state = formState(req.body, true);
    const setup = await evaluationSetup(services, requestActor(res), state);
    const next = await submit(req, res, setup, state, null);
    if (next !== null) res.redirect(303, next);
  });

  // The live consistency check: the upper triangle of one node's matrix, row by row.
  router.get('/evaluations/new/consistency', mayRun, async (req, res) => {
    const lang = pageLang(req, res);
    const state = formState({ framework: text(req.query, 'framework', 100) ?? '' }, true);
    const setup = await evaluationSetup(services, requestActor(res), { ...state, periods: [] });
    const node = setup.ahpNodes.find((n) => n.id === text(req.query, 'node', 100));
    const cells = (text(req.query, 'cells', 2000) ?? '').split(',');
    const read =
      node === undefined ? { problems: [labelsFor(lang).ahpNeedsNode] } : nodeMatrix(node, cells, lang);
    const view: AhpConsistencyView =
      'matrix' in read && node !== undefined
        ? ahpConsistencyView(ahpConsistency(requestActor(res), read.matrix), node, lang)
        : { text: 'problems' in read ? read.problems.join(' ') : '', bad: true, weights: [] };
    res.json(view);
  });

  router.get('/evaluations/:id/versions/new', mayRun, async (req, res) => {
    const { setup, previous } = await versionSetup(services, requestActor(res), routeParam(req.params, 'id'));
    const state = formState({ periods: previous.periods.join(',') }, false);
    render(req, res, { setup, state, previous });
  });

  router.post('/evaluations/:id/versions', mayRun, async (req, res) => {
    const { setup, previous } = await versionSetup(services, requestActor(res), routeParam(req.params, 'id'));
    const next = await submit(req, res, setup, formState(req.body, true), previous);
    if (next !== null) res.redirect(303, next);
  });

  router.get('/evaluations/jobs/:id', mayRun, async (req, res) => {
    const lang = pageLang(req, res);
    const job = await services.jobs.read(requestActor(res), routeParam(req.params, 'id'));
    const draft = job.status === 'succeeded' ? evaluationOf(job.result) : undefined;
    if (text(req.query, 'format') === 'json') {
      res.json(jobProgress(job, lang));
      return;
    }
    if (draft !== undefined) {
      res.redirect(303, `/evaluations/${encodeURIComponent(draft)}`);
      return;
    }
    renderPage(req, res, views, 'evaluation-job', evaluationJobPage(job, lang));
  });

  router.post('/evaluations/jobs/:id/cancel', mayRun, async (req, res) => {
    const id = routeParam(req.params, 'id');
    await cancelJob(services, requestActor(res), id);
    res.redirect(303, `/evaluations/jobs/${encodeURIComponent(id)}`);
  });

  return router;
}
