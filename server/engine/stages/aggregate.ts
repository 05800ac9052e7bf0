/**
 * Stage, aggregate: scores every node of the tree from its children, bottom-up (indicators → pillars →
 * sub-indices → index), period by period, with the chosen method. A score with no child present is
 * missing: screened_out for a dropped unit, missing_input otherwise.
 *
 * @example aggregateStage(state, choices).scores.values.get('index')
 */
import type { PreparedChoices } from '../choices.js';
import { RowFlag } from '../flags.js';
import { logEntry } from '../log.js';
import { MissingCode } from '../missing-reasons.js';
import { columnOf, type EngineState } from '../state.js';

export function aggregateStage(state: EngineState, choices: PreparedChoices): EngineState {
  const { frame, current } = state;
  const { unitCount, rowCount, periodCount } = frame;
  const method = choices.aggregation;
  const values = new Map<string, Float64Array>();
  const reasons = new Map<string, Uint8Array>();
  const childColumn = (id: string): Float64Array => values.get(id) ?? columnOf(current.values, id);
  for (const node of frame.tree.aggregates) {
    const output = new Float64Array(rowCount);
    const why = new Uint8Array(rowCount);
    const children = node.children.map(childColumn);
    const weights = state.weights.get(node.id) ?? node.childWeights;
    for (let p = 0; p < periodCount; p++) {
      const from = p * unitCount;
      const to = from + unitCount;
      method.run(
        children.map((c) => c.subarray(from, to)),
        weights,
        output.subarray(from, to),
        why.subarray(from, to),
        {
          node: node.id,
          children: node.children,
          period: frame.input.periods[p]?.id ?? '?',
          unitCode: (row) => frame.input.units.codes[row] ?? '?',
        },
      );
    }
    sealScores(output, why, state.rowFlags);
    values.set(node.id, output);
    reasons.set(node.id, why);
  }
  const entry = logEntry('aggregation', `aggregation: ${method.name}`, {
    method: method.name,
    data: method.params,
  });
  return { ...state, scores: { values, reasons }, log: [...state.log, entry] };
}

/**
 * In one pass: a score no child gave (NaN, reason ok) is missing as screened_out for a dropped row,
 * missing_input otherwise; then, as sealMissing, any other non-finite score is not_finite and a
 * finite score has reason ok.
 */
function sealScores(output: Float64Array, why: Uint8Array, rowFlags: Uint8Array): void {
  const rowCount = output.length;
  for (let row = 0; row < rowCount; row++) {
    const v = output[row] ?? Number.NaN;
    if (v - v === 0) {
      if (why[row] !== MissingCode.Ok) why[row] = MissingCode.Ok;
      continue;
    }
    output[row] = Number.NaN;
    if (why[row] !== MissingCode.Ok) continue;
    if (v !== v)
      why[row] =
        ((rowFlags[row] ?? 0) & RowFlag.ScreenedOut) !== 0
          ? MissingCode.ScreenedOut
          : MissingCode.MissingInput;
    else why[row] = MissingCode.NotFinite;
  }
}
