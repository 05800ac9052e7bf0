/**
 * The use case "load the demo city": the register and three periods of the deterministic demo city
 * 梧阳市 as ordinary import batches, then its evaluation published (server/demo/load-demo.ts does
 * the work; loading twice changes nothing). It writes a whole city into the store, so it needs
 * users.manage (admins; the CLI; the server itself on a fresh installation) and is audited as
 * demo.load with the evaluation it published.
 *
 * @example await loadDemoCity({ store, registry }, cliActor())
 */
import { loadDemo } from '../demo/load-demo.js';
import type { Evaluation } from '../domain/evaluation.js';
import type { Registry } from '../indicators/registry-types.js';
import type { Store } from '../store/store.js';
import { assertMay, type Actor } from './actor.js';

/** The actor of the demo loaded by the server itself into an empty store at its first start. */
export const FIRST_START_ACTOR: Actor = { name: 'system:first-start', role: 'admin', userId: null };

export async function loadDemoCity(
  context: { readonly store: Store; readonly registry: Registry },
  actor: Actor,
): Promise<Evaluation> {
  assertMay(actor, 'users.manage');
  const evaluation = await loadDemo(context.store, context.registry);
  await context.store.audit.append({
    actor: actor.name,
    action: 'demo.load',
    target: evaluation.id,
    detail: { framework: evaluation.framework.id, periods: [...evaluation.periods] },
  });
  return evaluation;
}
