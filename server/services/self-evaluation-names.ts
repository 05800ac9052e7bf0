/**
 * The names a self-evaluation's page shows: the community's, and the framework's dimensions and
 * indicators (with each indicator's unit), from the current register and registry. A framework or
 * node no longer known keeps its id. Read only for a self-evaluation the actor owns (the caller got
 * it through ownSelfEvaluation).
 */
import type { Bilingual } from '../domain/bilingual.js';
import type { SelfEvaluation } from '../domain/self-evaluation.js';
import type { Registry } from '../indicators/registry-types.js';
import type { Store } from '../store/store.js';

export interface SelfEvaluationNames {
  readonly unit: Bilingual | null;
  readonly framework: Bilingual | null;
  readonly nodes: ReadonlyMap<string, Bilingual>;
  readonly units: ReadonlyMap<string, Bilingual>;
}

export async function selfEvaluationNames(
  context: { readonly store: Store; readonly registry: Registry },
  self: SelfEvaluation,
): Promise<SelfEvaluationNames> {
  const unit = (await context.store.units.get(self.unit))?.name ?? null;
  const nodes = new Map<string, Bilingual>();
  const units = new Map<string, Bilingual>();
  let framework: Bilingual | null = null;
  if (context.registry.frameworks.has(self.framework.id)) {
    const resolved = context.registry.resolveFramework(self.framework.id);
    framework = resolved.definition.name;
    nodes.set(resolved.root.id, resolved.root.name);
    for (const d of resolved.dimensions) nodes.set(d.id, d.definition.name);
    for (const i of resolved.indicators) {
      nodes.set(i.id, i.definition.name);
      units.set(i.id, i.definition.unit);
    }
  }
  return { unit, framework, nodes, units };
}

/** The frameworks' names, for the form. */
export function frameworkNames(registry: Registry): ReadonlyMap<string, Bilingual> {
  return new Map([...registry.frameworks].map(([id, loaded]) => [id, loaded.definition.name]));
}
