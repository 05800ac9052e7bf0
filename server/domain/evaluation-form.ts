/**
 * The new-evaluation and new-version forms as typed: every field's text as the browser sent it
 * (method per stage, parameters, AHP cells, the Monte Carlo settings, ticked boxes as "on"), so a
 * refused form comes back exactly as it was filled in. The pages read it from the request
 * (server/http/pages/evaluation-form-state.ts), the view model shows it, and
 * evaluation-form-request.ts turns it into a request for the use case.
 *
 * Field names: `method.<stage>`; `p.<stage>.<method>.<param>` (a range as `.0` and `.1`);
 * `ahp.use.<node>` and `ahp.<node>.<row>.<column>`; `mc`, `mc.runs`, `mc.seed`, `mc.range` and the
 * factor boxes `mc.weights`, `mc.imputation`, `mc.treatment`, `mc.aggregation`, `mc.sensitivity`;
 * `label.zh`, `label.en`, `reason`, `parallel`.
 */
export const FORM_STAGES = [
  'imputation',
  'screening',
  'treatment',
  'normalisation',
  'weighting',
  'aggregation',
  'rollup',
  'periods',
] as const;

export type FormStage = (typeof FORM_STAGES)[number];

export interface EvaluationFormState {
  readonly framework: string;
  readonly periods: readonly string[];
  /** Every other field by name; a box that is not ticked is absent. */
  readonly fields: Readonly<Record<string, string>>;
  /** False before the first submit: the page then shows the framework's choices and the defaults. */
  readonly submitted: boolean;
}

/** A ticked checkbox. */
export function ticked(state: EvaluationFormState, name: string): boolean {
  return state.fields[name] === 'on';
}

/** A field's text, trimmed ('' when absent). */
export function field(state: EvaluationFormState, name: string): string {
  return (state.fields[name] ?? '').trim();
}
