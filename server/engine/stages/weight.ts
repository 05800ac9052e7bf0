/**
 * Stage, weight: decides the weight of each node's children with the chosen method (framework,
 * equal, data-driven, AHP) and logs them all, so the aggregation can be redone by hand from the log.
 *
 * @example weightStage(state, choices).weights.get('index') // Float64Array, one weight per child
 */
import type { PreparedChoices } from '../choices.js';
import { logEntry, type LogEntry } from '../log.js';
import type { EngineState } from '../state.js';

export function weightStage(state: EngineState, choices: PreparedChoices): EngineState {
  const method = choices.weighting;
  const { weights, notes } = method.run({ tree: state.frame.tree, normalised: state.current.values });
  const log: LogEntry[] = [
    logEntry('weighting', `weighting: ${method.name}`, { method: method.name, data: method.params }),
    ...notes.map((note) =>
      logEntry('weighting', note.message, {
        method: method.name,
        node: note.node,
        ...(note.data === undefined ? {} : { data: note.data }),
      }),
    ),
  ];
  for (const node of state.frame.tree.aggregates) {
    const w = weights.get(node.id) ?? node.childWeights;
    log.push(
      logEntry('weighting', 'weights used', {
        method: method.name,
        node: node.id,
        data: Object.fromEntries(node.children.map((child, j) => [child, w[j] ?? 0])),
      }),
    );
  }
  return { ...state, weights, log: [...state.log, ...log] };
}
