/**
 * The whole evaluation as one pure function: runPipeline(input, choices) checks everything first
 * (input shape, tree, every method's parameters, combinations of stages) and throws a ValidationError
 * listing every problem before any work; then runs compute → screen → impute → treat → normalise →
 * weight → aggregate → rank (screening after imputation when `screening.basis` is "imputed", as in
 * COINr's ASEM example). The same input and choices give the same result; the result's `choices` are
 * the resolved choices, so a run can be replayed with one choice changed:
 *
 * @example
 * const base = runPipeline(input, { normalisation: { method: 'minmax' } });
 * const variant = runPipeline(input, { ...base.choices, aggregation: { method: 'geometric' } });
 */
import { ValidationError, type ProblemDetail } from '../errors.js';
import { prepareChoices, type PreparedChoices } from './choices.js';
import { logEntry } from './log.js';
import { toResult, type EngineResult } from './result.js';
import { aggregateStage } from './stages/aggregate.js';
import { computeStage } from './stages/compute.js';
import { imputeStage } from './stages/impute.js';
import { normaliseStage } from './stages/normalise.js';
import { rankStage } from './stages/rank.js';
import { screenStage } from './stages/screen.js';
import { treatStage } from './stages/treat.js';
import { weightStage } from './stages/weight.js';
import { initialState, type EngineState, type Frame } from './state.js';
import { prepareTree } from './tree.js';
import type { EngineInput, MethodChoices } from './types.js';
import { validateInput } from './validate-input.js';

type Stage = (state: EngineState, choices: PreparedChoices) => EngineState;

export function runPipeline(input: EngineInput, choices: MethodChoices = {}): EngineResult {
  const { frame, prepared } = checkEverything(input, choices);
  const screenFirst = prepared.screening.basis === 'raw';
  const stages: Stage[] = [
    computeStage,
    ...(screenFirst ? [screenStage, imputeStage] : [imputeStage, screenStage]),
    treatStage,
    normaliseStage,
    weightStage,
    aggregateStage,
    rankStage,
  ];
  const start = initialState(frame, [
    logEntry('input', 'input', {
      data: {
        units: frame.unitCount,
        periods: input.periods.map((p) => p.id),
        indicators: frame.tree.indicatorIds.length,
      },
    }),
    logEntry('choices', 'method choices (defaults filled in)', { data: { ...prepared.resolved } }),
  ]);
  const end = stages.reduce((state, stage) => stage(state, prepared), start);
  return toResult(end, prepared.resolved);
}

/** Validates input, tree and choices together; throws one ValidationError listing every problem. */
export function checkEverything(
  input: EngineInput,
  choices: MethodChoices,
): { frame: Frame; prepared: PreparedChoices } {
  const problems: ProblemDetail[] = [];
  const unitIndex = validateInput(input, problems);
  const tree = prepareTree(input.tree, problems);
  const prepared = prepareChoices(input, choices, problems);
  if (problems.length > 0) {
    const list = problems.map((p) => `${p.where ?? ''}: ${p.message}`).join('; ');
    throw new ValidationError(`The evaluation cannot run (${problems.length} problem(s)): ${list}`, problems);
  }
  const unitCount = input.units.codes.length;
  return {
    prepared,
    frame: {
      input,
      tree,
      unitCount,
      periodCount: input.periods.length,
      rowCount: unitCount * input.periods.length,
      unitIndex,
    },
  };
}
