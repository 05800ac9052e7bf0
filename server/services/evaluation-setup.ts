/**
 * What the new-evaluation and new-version forms start from (evaluations.run): the frameworks of the
 * registry, the stored periods, the chosen framework's own method choices (marked as the default on
 * the form) and the nodes an AHP matrix may weigh, and — so that the form can propose a new version
 * instead of a parallel first version — the latest published evaluation of the same framework and
 * periods, if there is one.
 *
 * @example const setup = await evaluationSetup(services, actor, { framework: 'default', periods: ['2025'] })
 */
import type { Bilingual } from '../domain/bilingual.js';
import type { AhpNode, EvaluationSetup } from '../domain/evaluation-setup.js';
import type { Evaluation } from '../domain/evaluation.js';
import type { Registry } from '../indicators/registry-types.js';
import { engineChoices } from '../indicators/to-engine-input.js';
import { storedChoices } from '../evaluation/stored-choices.js';
import { assertSupersedable } from '../evaluation/supersedable.js';
import type { Store } from '../store/store.js';
import { assertMay, type Actor } from './actor.js';
import type { DefinitionCatalogue } from './definition-catalogue.js';

interface SetupContext {
  readonly store: Store;
  readonly registry: Registry;
  readonly catalogue?: Pick<DefinitionCatalogue, 'frameworkVersions'>;
}

function samePeriods(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('|') === [...b].sort().join('|');
}

function ahpNodes(registry: Registry, frameworkId: string): AhpNode[] {
  const framework = registry.resolveFramework(frameworkId);
  const nameOf = new Map<string, Bilingual>([[framework.root.id, framework.root.name]]);
  for (const d of framework.dimensions) nameOf.set(d.id, d.definition.name);
  for (const i of framework.indicators) nameOf.set(i.id, i.definition.name);
  const childrenOf = new Map<string, string[]>();
  for (const child of [...framework.dimensions, ...framework.indicators]) {
    childrenOf.set(child.parentId, [...(childrenOf.get(child.parentId) ?? []), child.id]);
  }
  return [framework.root.id, ...framework.dimensions.map((d) => d.id)]
    .filter((id) => (childrenOf.get(id) ?? []).length >= 2)
    .map((id) => ({
      id,
      name: nameOf.get(id) ?? { zh: id, en: id },
      children: (childrenOf.get(id) ?? []).map((child) => ({
        id: child,
        name: nameOf.get(child) ?? { zh: child, en: child },
      })),
    }));
}

/** The latest published evaluation of the framework over these periods that no later version replaces. */
export async function publishedLineFor(
  store: Store,
  frameworkId: string,
  periods: readonly string[],
): Promise<Evaluation | null> {
  if (periods.length === 0) return null;
  const all = await store.evaluations.list({ frameworkId, limit: 1000 });
  const superseded = new Set(all.map((e) => e.supersedes).filter((id) => id !== null));
  const candidates = all.filter(
    (e) => e.status === 'published' && !superseded.has(e.id) && samePeriods(e.periods, periods),
  );
  return candidates[0] ?? null;
}

export type { AhpNode, EvaluationSetup };

/** For a draft's page: the published line of its framework and periods, which publishing it would duplicate. */
export async function publishedLineOf(
  context: { readonly store: Store },
  actor: Actor,
  draft: Evaluation,
): Promise<Evaluation | null> {
  assertMay(actor, 'reports.read');
  return publishedLineFor(context.store, draft.framework.id, draft.periods);
}

export async function evaluationSetup(
  context: SetupContext,
  actor: Actor,
  wanted: { readonly framework?: string; readonly periods: readonly string[] },
): Promise<EvaluationSetup> {
  assertMay(actor, 'evaluations.run');
  const { store, registry } = context;
  const frameworks = [...registry.frameworks.values()].map((f) => ({
    id: f.definition.id,
    version: f.definition.version,
    name: f.definition.name,
  }));
  const framework =
    frameworks.find((f) => f.id === wanted.framework) ??
    frameworks.find((f) => f.id === 'default') ??
    frameworks[0];
  if (framework === undefined) throw new Error('the registry holds no framework');
  return {
    frameworks,
    framework,
    ...(context.catalogue === undefined
      ? {}
      : {
          frameworkVersions: await context.catalogue.frameworkVersions(framework.id),
          frameworkVersion: framework.version,
        }),
    defaults: engineChoices(registry.resolveFramework(framework.id)),
    ahpNodes: ahpNodes(registry, framework.id),
    periods: await store.periods.list(),
    publishedLine: await publishedLineFor(store, framework.id, wanted.periods),
  };
}

/**
 * The form of a new version starts from the published evaluation it replaces: its framework, its
 * periods and its method choices as the defaults. Refuses at once an evaluation that cannot get a
 * new version (a draft, one already superseded, one whose framework left the registry).
 */
export async function versionSetup(
  context: SetupContext,
  actor: Actor,
  previousId: string,
): Promise<{ readonly setup: EvaluationSetup; readonly previous: Evaluation }> {
  assertMay(actor, 'evaluations.run');
  const { store, registry } = context;
  const previous = await assertSupersedable(store, previousId);
  const framework = registry.frameworks.get(previous.framework.id);
  if (framework === undefined) registry.resolveFramework(previous.framework.id);
  const choice = {
    id: previous.framework.id,
    version: framework?.definition.version ?? previous.framework.version,
    name: framework?.definition.name ?? { zh: previous.framework.id, en: previous.framework.id },
  };
  return {
    previous,
    setup: {
      frameworks: [choice],
      framework: choice,
      ...(context.catalogue === undefined
        ? {}
        : {
            frameworkVersions: await context.catalogue.frameworkVersions(choice.id),
            frameworkVersion: previous.framework.version,
          }),
      defaults: {
        ...engineChoices(registry.resolveFramework(choice.id)),
        ...storedChoices(previous.methods),
      },
      ahpNodes: ahpNodes(registry, choice.id),
      periods: await store.periods.list(),
      publishedLine: null,
    },
  };
}
