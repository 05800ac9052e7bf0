/**
 * Stage, normalise: brings every indicator onto a common scale where higher is better, with bounds
 * computed per block of periods (per period, or all periods pooled: the `periods` choice). The method
 * applies the indicator's direction. Cells the method cannot normalise stay missing with a reason
 * (no_variation for a constant indicator …); any non-finite result is caught here as not_finite.
 * A method that reads goalposts uses, row by row, the target override that applies (targets that fit).
 *
 * @example normaliseStage(state, choices).sets.normalised
 */
import type { PreparedChoices } from '../choices.js';
import { logEntry, type LogEntry } from '../log.js';
import { MissingCode } from '../missing-reasons.js';
import { columnOf, type EngineState } from '../state.js';
import { blockOverrides, overrideBlock } from '../targets/override-goalposts.js';
import { resolveTargetRows } from '../targets/resolve-targets.js';
import { runTasks, shareWork } from '../parallel/pool.js';
import { sharedCopy } from '../parallel/shared.js';
import { normaliseColumn } from './normalise-column.js';

export function normaliseStage(state: EngineState, choices: PreparedChoices): EngineState {
  const { frame, current } = state;
  const { unitCount, rowCount } = frame;
  const method = choices.normalisation;
  const blocks = choices.periods.run(frame.periodCount);
  const values = new Map<string, Float64Array>();
  const reasons = new Map<string, Uint8Array>();
  const flags = new Map(state.flags);
  const log: LogEntry[] = [
    logEntry('normalisation', `normalisation: ${method.name}, bounds ${choices.periods.name}`, {
      method: method.name,
      data: { ...method.params, periods: choices.periods.name },
    }),
  ];
  const noFlags = new Uint8Array(rowCount);
  const unitIndex = (code: string): number => frame.unitIndex.get(code) ?? -1;
  const overrides = frame.input.targetOverrides ?? [];
  const targetRows =
    method.needs === 'goalposts'
      ? resolveTargetRows(
          overrides,
          frame.input.units,
          unitCount,
          frame.input.periods.map((p) => p.id),
        )
      : new Map<string, Int32Array>();
  const shared = shareWork(rowCount) && targetRows.size === 0 && method.name !== 'ratio_to_reference';
  const pooled = shared
    ? runTasks(
        'normalise',
        frame.tree.indicators.map((indicator) => {
          const previous = state.flags.get(indicator.id);
          return {
            input: sharedCopy(columnOf(current.values, indicator.id)),
            reasons: sharedCopy(columnOf(current.reasons, indicator.id)),
            previousFlags: method.censors && previous !== undefined ? sharedCopy(previous) : undefined,
            blocks,
            indicator: indicator.id,
            direction: indicator.direction,
            goalposts: indicator.goalposts,
            unitCount,
            method: choices.resolved.normalisation,
          };
        }),
      )
    : undefined;
  frame.tree.indicators.forEach((indicator, i) => {
    const rows = targetRows.get(indicator.id);
    const context = {
      indicator: indicator.id,
      direction: indicator.direction,
      goalposts: indicator.goalposts,
      unitCount,
      unitIndex,
    };
    if (rows === undefined) {
      const done =
        pooled?.[i] ??
        normaliseColumn(
          columnOf(current.values, indicator.id),
          columnOf(current.reasons, indicator.id),
          state.flags.get(indicator.id),
          blocks,
          context,
          method,
        );
      blocks.forEach(([first, end], b) => {
        log.push(
          logEntry('normalisation', 'bounds', {
            method: method.name,
            indicator: indicator.id,
            period: periodSpan(state, first, end),
            data: done.blocks[b] ?? {},
          }),
        );
      });
      values.set(indicator.id, done.values);
      reasons.set(indicator.id, done.reasons);
      if (done.flags !== undefined) flags.set(indicator.id, done.flags);
      return;
    }
    const input = columnOf(current.values, indicator.id);
    const output = new Float64Array(rowCount);
    const why = columnOf(current.reasons, indicator.id).slice();
    const previous = state.flags.get(indicator.id);
    // Only censoring methods write flags; the others share the previous stage's array untouched.
    const cellFlags = method.censors ? (previous ?? new Uint8Array(rowCount)).slice() : noFlags;
    for (const [first, end] of blocks) {
      const from = first * unitCount;
      const to = end * unitCount;
      const block = {
        input: input.subarray(from, to),
        output: output.subarray(from, to),
        reasons: why.subarray(from, to),
        flags: cellFlags.subarray(from, to),
      };
      const blockRows = rows.subarray(from, to);
      const used = blockOverrides(blockRows, overrides);
      const before =
        used.length === 0 ? undefined : { reasons: block.reasons.slice(), flags: block.flags.slice() };
      const outcome = method.run(block.input, block.output, block.reasons, block.flags, context);
      const period = periodSpan(state, first, end);
      log.push(
        logEntry('normalisation', 'bounds', {
          method: method.name,
          indicator: indicator.id,
          period,
          data: outcome.data,
        }),
      );
      if (before === undefined) continue;
      for (const variant of overrideBlock(blockRows, used, overrides, method.run, block, before, context)) {
        log.push(
          logEntry('normalisation', 'bounds under a target override', {
            method: method.name,
            indicator: indicator.id,
            period,
            data: { ...variant.outcome.data, override: variant.override },
          }),
        );
      }
    }
    sealMissing(output, why);
    values.set(indicator.id, output);
    reasons.set(indicator.id, why);
    if (method.censors) flags.set(indicator.id, cellFlags);
  });
  const normalised = { values, reasons };
  return {
    ...state,
    sets: { ...state.sets, normalised },
    current: normalised,
    flags,
    log: [...state.log, ...log],
  };
}

/** Every cell is either a finite number with reason ok, or NaN with a reason. */
export function sealMissing(values: Float64Array, reasons: Uint8Array): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? NaN;
    if (v - v !== 0) {
      // NaN or ±Infinity
      values[i] = Number.NaN;
      if (reasons[i] === MissingCode.Ok) reasons[i] = MissingCode.NotFinite;
    } else if (reasons[i] !== MissingCode.Ok) {
      reasons[i] = MissingCode.Ok;
    }
  }
}

function periodSpan(state: EngineState, first: number, end: number): string {
  const periods = state.frame.input.periods;
  const a = periods[first]?.id ?? '?';
  const b = periods[end - 1]?.id ?? '?';
  return end - first === 1 ? a : `${a}..${b}`;
}
