/**
 * The self-evaluation use cases (自主评价, issue 15), the same for the pages, the API and the CLI:
 * a viewer granted self.assess (server/access/self-assess-right.ts) runs the framework over its own
 * community's data in periods it chooses, privately, and reads back only its own. Anyone else, an
 * admin included, gets "not found" for another's self-evaluation, as for an id that never existed,
 * so not even its existence shows. The run is audited as self_evaluation.run with the framework and
 * periods only: an admin reading the audit log can see that one was run, by whom and when, never a
 * figure.
 *
 * @example const mine = await runOwnSelfEvaluation(services, actor, { framework: 'default', periods: ['2024', '2025'] })
 */
import { maySelfAssess, selfAssessedUnit } from '../access/self-assess-right.js';
import type { SelfEvaluation } from '../domain/self-evaluation.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { runSelfEvaluation } from '../evaluation/run-self-evaluation.js';
import type { Registry } from '../indicators/registry-types.js';
import type { Store } from '../store/store.js';
import type { Actor } from './actor.js';

/** At most this many periods in one self-evaluation. */
export const SELF_PERIODS_MAX = 20;

interface Context {
  readonly store: Store;
  readonly registry: Registry;
}

export interface SelfEvaluationRequest {
  readonly framework: string;
  readonly periods: readonly string[];
}

/** What the form offers: the frameworks and the periods with data for the actor's community. */
export interface SelfEvaluationOptions {
  readonly unit: string;
  readonly frameworks: readonly string[];
  readonly periods: readonly string[];
}

function ownerOf(actor: Actor): { unit: string; userId: string } {
  const unit = selfAssessedUnit(actor);
  if (actor.userId === null) return { unit, userId: '' };
  return { unit, userId: actor.userId };
}

export async function selfEvaluationOptions(context: Context, actor: Actor): Promise<SelfEvaluationOptions> {
  const { unit } = ownerOf(actor);
  const periods: string[] = [];
  for (const period of await context.store.observations.periods()) {
    if ((await context.store.observations.current({ period, units: [unit] })).length > 0)
      periods.push(period);
  }
  return { unit, frameworks: [...context.registry.frameworks.keys()], periods };
}

/** The chosen periods, known and with data, in the store's (chronological) order. */
async function checkedPeriods(store: Store, periods: readonly string[]): Promise<string[]> {
  const known = await store.observations.periods();
  const unknown = periods.filter((p) => !known.includes(p));
  const problems = [];
  if (periods.length === 0 || periods.length > SELF_PERIODS_MAX)
    problems.push({
      where: 'periods',
      message: `choose 1 to ${SELF_PERIODS_MAX} periods`,
      zh: `请选择 1 至 ${SELF_PERIODS_MAX} 个期间`,
    });
  if (unknown.length > 0)
    problems.push({
      where: 'periods',
      message: `no data for period(s) ${unknown.join(', ')}`,
      zh: `这些期间没有数据：${unknown.join('、')}`,
    });
  if (problems.length > 0)
    throw new ValidationError(
      { zh: '自评的期间有误', en: 'the periods of the self-evaluation are wrong' },
      problems,
    );
  return known.filter((p) => periods.includes(p));
}

export async function runOwnSelfEvaluation(
  context: Context,
  actor: Actor,
  request: SelfEvaluationRequest,
): Promise<SelfEvaluation> {
  const { unit, userId } = ownerOf(actor);
  const periods = await checkedPeriods(context.store, request.periods);
  const run = await runSelfEvaluation(context.store, context.registry, {
    framework: request.framework,
    unit,
    periods,
  });
  const stored = await context.store.selfEvaluations.create({
    ownerId: userId,
    ownerLogin: actor.name,
    unit,
    framework: run.framework,
    periods,
    methods: run.methods,
    notes: [...run.notes],
    standing: run.standing,
  });
  await context.store.audit.append({
    actor: actor.name,
    action: 'self_evaluation.run',
    target: stored.id,
    detail: { framework: run.framework.id, periods },
  });
  return stored;
}

/** The actor's own self-evaluations, newest first (ForbiddenError without the grant). */
export async function listOwnSelfEvaluations(context: Context, actor: Actor): Promise<SelfEvaluation[]> {
  const { userId } = ownerOf(actor);
  return context.store.selfEvaluations.listOwned(userId);
}

/** One of the actor's own self-evaluations; NotFoundError for anyone else's, or without the grant. */
export async function ownSelfEvaluation(context: Context, actor: Actor, id: string): Promise<SelfEvaluation> {
  const found =
    maySelfAssess(actor) && actor.userId !== null
      ? await context.store.selfEvaluations.getOwned(id, actor.userId)
      : undefined;
  if (found === undefined) throw new NotFoundError({ zh: '没有这个自评。', en: `no self-evaluation ${id}` });
  return found;
}
