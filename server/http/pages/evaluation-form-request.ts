/**
 * Turns a submitted evaluation form (EvaluationFormState) into what the use cases take: the
 * framework, the periods, the label, every stage's method with its parameters typed as the method
 * declares them (a stage left at the framework's choice keeps the framework's parameters, also those
 * the form does not show), the AHP matrices and the Monte Carlo settings. Every problem names the
 * field as the page labels it, in the reader's language; the engine checks the methods and their
 * parameters again in full before any work.
 *
 * @example evaluationFormRequest(state, setup, 'zh').problems // [{ field: 'p.normalisation.minmax.range.0', message: '“取值区间（下限、上限）”应为数字，收到“abc”。' }]
 */
import { isMethodName } from '../../engine/method-names.js';
import type { MethodChoice, MethodChoices } from '../../engine/types.js';
import {
  field,
  FORM_STAGES,
  ticked,
  type EvaluationFormState,
  type FormStage,
} from '../../domain/evaluation-form.js';
import { fill } from '../../reports/i18n/fill.js';
import type { Lang } from '../../reports/i18n/lang.js';
import { labelOf, labelsFor } from '../../reports/i18n/labels.js';
import type { FormProblem } from '../../reports/views/form-problems.js';
import { formParams, paramField, type FormParam } from '../../reports/views/method-params.js';
import type { AhpNode, EvaluationSetup } from '../../domain/evaluation-setup.js';
import type { JsonValue as Json } from '../../domain/json-value.js';

export interface FormRequest {
  readonly framework: string;
  readonly periods: readonly string[];
  readonly label?: { readonly zh: string; readonly en: string };
  readonly methods: MethodChoices;
  /** Undefined when the form turns the Monte Carlo off. */
  readonly uncertainty?: Record<string, Json>;
  /** The AHP matrices asked for, as the engine takes them (empty unless weighting is AHP). */
  readonly ahp: readonly { readonly node: AhpNode; readonly matrix: readonly (readonly number[])[] }[];
  readonly problems: readonly FormProblem[];
}

const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

class Problems {
  readonly list: FormProblem[] = [];
  constructor(readonly lang: Lang) {}
  add(fieldName: string | null, message: string): void {
    this.list.push({ field: fieldName, label: null, message });
  }
  number(name: string, text: string, label: string, whole = false): number | undefined {
    const t = labelsFor(this.lang);
    if (!DECIMAL.test(text)) {
      this.add(name, fill(t.problemNumber, { field: label, value: text }));
      return undefined;
    }
    const value = Number(text);
    if (whole && !Number.isSafeInteger(value)) {
      this.add(name, fill(t.problemWhole, { field: label, value: text }));
      return undefined;
    }
    return value;
  }
}

function paramLabel(lang: Lang, stage: FormStage, param: string): string {
  return `${labelOf(lang, 'stage', stage)} · ${labelOf(lang, 'param', param)}`;
}

/** One parameter as typed; undefined when left empty or refused (then a problem says why). */
function readParam(
  state: EvaluationFormState,
  stage: FormStage,
  method: string,
  param: FormParam,
  problems: Problems,
): Json | undefined {
  const name = paramField(stage, method, param.name);
  const label = paramLabel(problems.lang, stage, param.name);
  if (param.kind === 'range') {
    const low = field(state, `${name}.0`);
    const high = field(state, `${name}.1`);
    if (low === '' && high === '') return undefined;
    const values = [problems.number(`${name}.0`, low, label), problems.number(`${name}.1`, high, label)];
    return values.every((v) => v !== undefined) ? values : undefined;
  }
  const text = field(state, name);
  if (text === '') return undefined;
  if (param.kind === 'number' || param.kind === 'whole')
    return problems.number(name, text, label, param.kind === 'whole');
  if (param.kind === 'yesno') return text === 'true';
  if (param.kind === 'choice' && !param.options.includes(text)) {
    problems.add(name, fill(labelsFor(problems.lang).problemChoice, { field: label, value: text }));
    return undefined;
  }
  return text;
}

/** A comparison as typed: a number or a fraction such as 1/3. */
function comparison(text: string, name: string, label: string, problems: Problems): number | undefined {
  const fraction = /^\s*([0-9.]+)\s*\/\s*([0-9.]+)\s*$/.exec(text);
  if (fraction !== null) {
    const top = problems.number(name, fraction[1] ?? '', label);
    const bottom = problems.number(name, fraction[2] ?? '', label);
    return top === undefined || bottom === undefined ? undefined : top / bottom;
  }
  return problems.number(name, text, label);
}

/** The full reciprocal matrix of a node from its upper triangle as typed. */
function ahpMatrix(state: EvaluationFormState, node: AhpNode, problems: Problems): number[][] | undefined {
  const n = node.children.length;
  const matrix: number[][] = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (__, j): number => (i === j ? 1 : 0)),
  );
  let complete = true;
  const t = labelsFor(problems.lang);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const name = `ahp.${node.id}.${i}.${j}`;
      const label = `${t.ahpTitle} ${i + 1}–${j + 1}`;
      const text = field(state, name);
      const value = text === '' ? undefined : comparison(text, name, label, problems);
      if (text === '') problems.add(name, fill(t.problemRequired, { field: label }));
      if (value === undefined || !(value > 0)) {
        if (value !== undefined) problems.add(name, fill(t.problemNumber, { field: label, value: text }));
        complete = false;
        continue;
      }
      const row = matrix[i];
      const column = matrix[j];
      if (row !== undefined) row[j] = value;
      // Saaty's matrices are reciprocal: the lower triangle is not typed but implied.
      if (column !== undefined) column[i] = 1 / value;
    }
  }
  return complete ? matrix : undefined;
}

function stageChoice(
  state: EvaluationFormState,
  setup: EvaluationSetup,
  stage: FormStage,
  problems: Problems,
): MethodChoice | undefined {
  const fallback = setup.defaults[stage];
  // An empty choice ('' from the form) means the default.
  const typed = field(state, `method.${stage}`);
  const chosen = typed === '' ? (fallback?.method ?? '') : typed;
  if (!isMethodName(stage, chosen)) {
    problems.add(
      `method.${stage}`,
      fill(labelsFor(problems.lang).problemChoice, {
        field: labelOf(problems.lang, 'stage', stage),
        value: chosen,
      }),
    );
    return undefined;
  }
  const choice: Record<string, unknown> = fallback?.method === chosen ? { ...fallback } : { method: chosen };
  for (const param of formParams(stage, chosen)) {
    const value = readParam(state, stage, chosen, param, problems);
    if (value !== undefined) choice[param.name] = value;
  }
  return choice as MethodChoice;
}

function uncertaintyOf(
  state: EvaluationFormState,
  weighting: string | undefined,
  problems: Problems,
): Record<string, Json> | undefined {
  if (!ticked(state, 'mc')) return undefined;
  const t = labelsFor(problems.lang);
  const runsText = field(state, 'mc.runs');
  if (runsText === '') problems.add('mc.runs', fill(t.problemRequired, { field: t.uncertaintyRuns }));
  const runs = runsText === '' ? undefined : problems.number('mc.runs', runsText, t.uncertaintyRuns, true);
  const seedText = field(state, 'mc.seed');
  const seed = seedText === '' ? 0 : problems.number('mc.seed', seedText, t.uncertaintySeed, true);
  const spec: Record<string, Json> = { replications: runs ?? 1, seed: seed ?? 0 };
  if (ticked(state, 'mc.weights')) {
    // The engine perturbs the framework's weights; a data-driven weighting has none to perturb.
    if (weighting !== 'framework') problems.add('mc.weights', t.problemWeightsFactor);
    const rangeText = field(state, 'mc.range') || '0.25';
    spec.weights = {
      method: 'uniform',
      range: problems.number('mc.range', rangeText, t.factorWeightsRange) ?? 0,
    };
  }
  if (ticked(state, 'mc.imputation')) spec.imputation = [{ method: 'none' }, { method: 'mean' }];
  if (ticked(state, 'mc.treatment')) spec.treatment = true;
  if (ticked(state, 'mc.aggregation')) {
    // The geometric mean needs positive values: the runs normalise to 1–100 as the demo does.
    spec.normalisation = [{ method: 'minmax', range: [1, 100] }];
    spec.aggregation = [{ method: 'arithmetic' }, { method: 'geometric' }];
  }
  if (ticked(state, 'mc.sensitivity')) spec.sensitivity = true;
  if (!['weights', 'imputation', 'treatment', 'aggregation'].some((f) => f in spec))
    problems.add('mc', t.problemNoFactor);
  return spec;
}

/**
 * The local-context settings as the engine takes them in `methods` (issue 16): nearest-neighbour
 * peers with k and attributes, progress's base and target periods, and the expected score turned
 * off when unticked. The engine checks them in full.
 */
function contextChoices(state: EvaluationFormState, problems: Problems): Partial<MethodChoices> {
  const t = labelsFor(problems.lang);
  const choices: { -readonly [K in keyof MethodChoices]?: MethodChoices[K] } = {};
  if (field(state, 'ctx.peers') === 'nearest') {
    const kText = field(state, 'ctx.k') || '10';
    const k = problems.number('ctx.k', kText, t.contextK, true);
    const attributes = field(state, 'ctx.attributes')
      .split(/[\s,，、]+/)
      .filter((a) => a !== '');
    choices.peers = { method: 'nearest', k: k ?? 10, ...(attributes.length === 0 ? {} : { attributes }) };
  }
  const base = field(state, 'ctx.base');
  const target = field(state, 'ctx.target');
  if (base !== '' || target !== '')
    choices.progress = {
      ...(base === '' ? {} : { base }),
      ...(target === '' ? {} : { target_period: target }),
    };
  if (!ticked(state, 'ctx.expected')) choices.expected = { method: 'none' };
  // Which sources count (issue 15); the run checks the names (evaluation/source-order.ts).
  const sources = field(state, 'ctx.sources');
  if (sources !== '') choices.sources = sources.split(',');
  return choices;
}

function labelOfForm(state: EvaluationFormState): { zh: string; en: string } | undefined {
  const zh = field(state, 'label.zh').slice(0, 200);
  const en = field(state, 'label.en').slice(0, 200);
  if (zh === '' && en === '') return undefined;
  return { zh: zh || en, en: en || zh };
}

export function evaluationFormRequest(
  state: EvaluationFormState,
  setup: EvaluationSetup,
  lang: Lang,
): FormRequest {
  const problems = new Problems(lang);
  const t = labelsFor(lang);
  const known = new Set(setup.periods.map((p) => p.id));
  if (state.periods.length === 0) problems.add('periods', t.problemNoPeriods);
  for (const period of state.periods)
    if (!known.has(period))
      problems.add('periods', fill(t.problemChoice, { field: t.formPeriods, value: period }));
  const methods: Record<string, MethodChoice> = {};
  for (const stage of FORM_STAGES) {
    const choice = stageChoice(state, setup, stage, problems);
    if (choice !== undefined) methods[stage] = choice;
  }
  const ahp: { node: AhpNode; matrix: number[][] }[] = [];
  if (methods.weighting?.method === 'ahp') {
    for (const node of setup.ahpNodes) {
      if (!ticked(state, `ahp.use.${node.id}`)) continue;
      const matrix = ahpMatrix(state, node, problems);
      if (matrix !== undefined) ahp.push({ node, matrix });
    }
    if (!setup.ahpNodes.some((node) => ticked(state, `ahp.use.${node.id}`)))
      problems.add('weighting', t.ahpNeedsNode);
    methods.weighting = {
      method: 'ahp',
      matrices: Object.fromEntries(
        ahp.map(({ node, matrix }) => [node.id, { children: node.children.map((c) => c.id), matrix }]),
      ),
    };
  }
  const uncertainty = uncertaintyOf(state, methods.weighting?.method, problems);
  const context = contextChoices(state, problems);
  const label = labelOfForm(state);
  return {
    framework: setup.framework.id,
    periods: state.periods,
    ...(label === undefined ? {} : { label }),
    methods: { ...methods, ...context },
    ...(uncertainty === undefined ? {} : { uncertainty }),
    ahp,
    problems: problems.list,
  };
}

/**
 * One node's matrix from the upper triangle as the live check sends it (row by row, left to right),
 * or the problems that keep it from being a matrix, in the reader's language.
 */
export function nodeMatrix(
  node: AhpNode,
  upper: readonly string[],
  lang: Lang,
): { readonly matrix: number[][] } | { readonly problems: readonly string[] } {
  const fields = Object.create(null) as Record<string, string>;
  let k = 0;
  for (let i = 0; i < node.children.length; i++)
    for (let j = i + 1; j < node.children.length; j++) fields[`ahp.${node.id}.${i}.${j}`] = upper[k++] ?? '';
  const problems = new Problems(lang);
  const matrix = ahpMatrix({ framework: '', periods: [], fields, submitted: true }, node, problems);
  return matrix === undefined ? { problems: problems.list.map((p) => p.message) } : { matrix };
}
