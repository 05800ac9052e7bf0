/**
 * The view model of the evaluation form, for a new evaluation (/evaluations/new) and for a new
 * version of a published one (/evaluations/:id/versions/new): the framework and periods, the label,
 * every stage's methods with their one-line explanations and parameters (the framework's — or the
 * previous version's — choice marked and filled in), the AHP matrices with their consistency, the
 * Monte Carlo settings (on by default), the proposal to make a new version instead of a parallel
 * version 1, and the problems of a refused submit. It shows the form as typed, so nothing typed is
 * lost when a submit is refused.
 */
import { sourceOrderOptions } from './source-order-options.js';
import type { Evaluation } from '../../domain/evaluation.js';
import {
  field,
  FORM_STAGES,
  ticked,
  type EvaluationFormState,
  type FormStage,
} from '../../domain/evaluation-form.js';
import { stageDeclarations } from '../../engine/method-names.js';
import type { MethodChoice } from '../../engine/types.js';
import type { EvaluationSetup } from '../../domain/evaluation-setup.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelOf, labelsFor } from '../i18n/labels.js';
import { pick } from '../i18n/pick.js';
import type { AhpConsistencyView } from './ahp-consistency-view.js';
import { pageChrome, type Chrome } from './chrome.js';
import { evaluationTitle } from './evaluation-title.js';
import type { FormProblem } from './form-problems.js';
import type { Option } from './level-options.js';
import { formParams, paramField, type FormParam } from './method-params.js';
import { withFields } from './with-fields.js';

export interface ParamField {
  readonly name: string;
  readonly label: string;
  readonly number: boolean;
  readonly whole: boolean;
  readonly text: boolean;
  readonly range: boolean;
  readonly select: boolean;
  readonly value: string;
  readonly low: string;
  readonly high: string;
  readonly options: readonly Option[];
}

export interface MethodOption {
  readonly id: string;
  readonly value: string;
  readonly label: string;
  readonly explain: string;
  readonly isDefault: boolean;
  readonly checked: boolean;
  readonly params: readonly ParamField[];
  readonly ahp: boolean;
}

export interface StageFields {
  readonly stage: FormStage;
  readonly title: string;
  readonly methods: readonly MethodOption[];
}

export interface AhpCell {
  readonly name: string;
  readonly value: string;
  readonly editable: boolean;
  readonly diagonal: boolean;
  readonly label: string;
}

export interface AhpTable {
  readonly node: string;
  readonly use: boolean;
  readonly useLabel: string;
  readonly headers: readonly string[];
  readonly rows: readonly { readonly name: string; readonly cells: readonly AhpCell[] }[];
  readonly consistency: AhpConsistencyView | null;
}

export interface EvaluationFormPage extends Chrome {
  readonly heading: string;
  readonly intro: string;
  readonly action: string;
  readonly isVersion: boolean;
  /** The framework's id, for the live AHP check. */
  readonly framework: string;
  readonly frameworks: readonly Option[];
  /** The chosen framework's versions, newest first (empty without a catalogue). */
  readonly frameworkVersions: readonly Option[];
  readonly periods: readonly (Option & { readonly id: string })[];
  readonly noPeriods: boolean;
  readonly labelZh: string;
  readonly labelEn: string;
  readonly reason: string;
  readonly stages: readonly StageFields[];
  readonly ahp: readonly AhpTable[];
  readonly mc: Readonly<
    Record<'on' | 'weights' | 'imputation' | 'treatment' | 'aggregation' | 'sensitivity', boolean>
  > & {
    readonly runs: string;
    readonly seed: string;
    readonly range: string;
  };
  /** Local context (issue 16): peers, progress's base and target, the expected score. */
  readonly context: {
    readonly nearest: boolean;
    readonly k: string;
    readonly attributes: string;
    readonly bases: readonly Option[];
    readonly target: string;
    readonly expected: boolean;
    /** Which sources count, in order (issue 15): a few orders that make sense. */
    readonly sources: readonly Option[];
  };
  readonly parallel: {
    readonly title: string;
    readonly text: string;
    readonly href: string;
    readonly link: string;
    readonly confirmed: boolean;
  } | null;
  readonly problems: readonly FormProblem[];
  readonly submitLabel: string;
  /** The tag of the method the form starts from: the framework's, or the previous version's. */
  readonly defaultTag: string;
}

export interface EvaluationFormInput {
  readonly setup: EvaluationSetup;
  readonly state: EvaluationFormState;
  readonly problems: readonly FormProblem[];
  /** The consistency of each AHP node's matrix as last checked, by node id. */
  readonly consistency: ReadonlyMap<string, AhpConsistencyView>;
  /** The published evaluation a new version is made of; null for a new evaluation. */
  readonly previous: Evaluation | null;
}

/** The Monte Carlo settings the form starts with: the previous version's, or 500 runs of every factor. */
const MC_START = { runs: '500', seed: '1', range: '0.25' };

function text(value: unknown): string {
  return typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean'
    ? String(value)
    : '';
}

/** A parameter's field, filled from the form as typed or, before the first submit, from the default choice. */
function paramFieldOf(
  input: EvaluationFormInput,
  stage: FormStage,
  method: string,
  param: FormParam,
  lang: Lang,
): ParamField {
  const t = labelsFor(lang);
  const name = paramField(stage, method, param.name);
  const given: MethodChoice | undefined = input.setup.defaults[stage];
  const start: unknown = given?.method === method ? given[param.name] : undefined;
  const { state } = input;
  const value = state.submitted ? field(state, name) : text(start);
  const startRange = Array.isArray(start) ? start : [];
  const low = state.submitted ? field(state, `${name}.0`) : text(startRange[0]);
  const high = state.submitted ? field(state, `${name}.1`) : text(startRange[1]);
  const choices = param.kind === 'yesno' ? ['true', 'false'] : param.options;
  const optionLabel = (v: string): string =>
    v === 'true' ? t.formYes : v === 'false' ? t.formNo : labelOf(lang, 'paramValue', v);
  return {
    name,
    label: labelOf(lang, 'param', param.name),
    number: param.kind === 'number',
    whole: param.kind === 'whole',
    text: param.kind === 'text',
    range: param.kind === 'range',
    select: param.kind === 'choice' || param.kind === 'yesno',
    value,
    low,
    high,
    options: [
      { value: '', label: t.formParamDefault, selected: value === '' },
      ...choices.map((v) => ({ value: v, label: optionLabel(v), selected: v === value })),
    ],
  };
}

function stageFields(input: EvaluationFormInput, stage: FormStage, lang: Lang): StageFields {
  const fallback = input.setup.defaults[stage]?.method ?? '';
  const chosen = input.state.submitted ? field(input.state, `method.${stage}`) || fallback : fallback;
  return {
    stage,
    title: labelOf(lang, 'stage', stage),
    methods: stageDeclarations(stage).map((declaration) => ({
      id: `m-${stage}-${declaration.name}`,
      value: declaration.name,
      label: pick(declaration.label, lang),
      explain: pick(declaration.explain, lang),
      isDefault: declaration.name === fallback,
      checked: declaration.name === chosen,
      params: formParams(stage, declaration.name).map((p) =>
        paramFieldOf(input, stage, declaration.name, p, lang),
      ),
      ahp: stage === 'weighting' && declaration.name === 'ahp',
    })),
  };
}

/** The reciprocal of a comparison as typed, written as a fraction (3 → 1/3, 1/5 → 5). */
function reciprocalText(typed: string): string {
  const fraction = /^\s*([0-9.]+)\s*\/\s*([0-9.]+)\s*$/.exec(typed);
  if (fraction !== null)
    return fraction[1] === '1' ? (fraction[2] ?? '') : `${fraction[2] ?? ''}/${fraction[1] ?? ''}`;
  if (typed === '' || typed === '1') return typed;
  return `1/${typed}`;
}

function ahpTables(input: EvaluationFormInput, lang: Lang): AhpTable[] {
  const { state, setup } = input;
  return setup.ahpNodes.map((node, index) => {
    const names = node.children.map((c) => pick(c.name, lang));
    const typed = (i: number, j: number): string => {
      const name = `ahp.${node.id}.${i}.${j}`;
      return state.submitted ? field(state, name) : '1';
    };
    return {
      node: node.id,
      use: state.submitted ? ticked(state, `ahp.use.${node.id}`) : index === 0,
      useLabel: fill(labelsFor(lang).ahpUseNode, { node: pick(node.name, lang) }),
      headers: names,
      rows: names.map((rowName, i) => ({
        name: rowName,
        cells: names.map((columnName, j) => ({
          name: `ahp.${node.id}.${i}.${j}`,
          value: i === j ? '1' : i < j ? typed(i, j) : reciprocalText(typed(j, i)),
          editable: i < j,
          diagonal: i === j,
          label: `${rowName} : ${columnName}`,
        })),
      })),
      consistency: input.consistency.get(node.id) ?? null,
    };
  });
}

function mcStart(previous: Evaluation | null): Record<string, string | boolean> {
  const u = previous?.uncertainty;
  if (previous !== null) {
    const spec = typeof u === 'object' && u !== null && !Array.isArray(u) ? u : null;
    const weights = spec?.weights;
    const range =
      typeof weights === 'object' && weights !== null && !Array.isArray(weights) ? text(weights.range) : '';
    return {
      on: spec !== null,
      runs: text(spec?.replications) || MC_START.runs,
      seed: text(spec?.seed) || MC_START.seed,
      range: range || MC_START.range,
      weights: spec === null || spec.weights !== undefined,
      imputation: spec === null || spec.imputation !== undefined,
      treatment: spec === null || spec.treatment !== undefined,
      aggregation: spec === null || spec.aggregation !== undefined,
      sensitivity: spec?.sensitivity === true,
    };
  }
  return {
    on: true,
    ...MC_START,
    weights: true,
    imputation: true,
    treatment: true,
    aggregation: true,
    sensitivity: false,
  };
}

function mcFields(input: EvaluationFormInput): EvaluationFormPage['mc'] {
  const { state } = input;
  const start = mcStart(input.previous);
  const box = (name: string, key: string): boolean =>
    state.submitted ? ticked(state, name) : start[key] === true;
  const value = (name: string, key: string): string =>
    state.submitted ? field(state, name) : text(start[key]);
  return {
    on: box('mc', 'on'),
    runs: value('mc.runs', 'runs'),
    seed: value('mc.seed', 'seed'),
    range: value('mc.range', 'range'),
    weights: box('mc.weights', 'weights'),
    imputation: box('mc.imputation', 'imputation'),
    treatment: box('mc.treatment', 'treatment'),
    aggregation: box('mc.aggregation', 'aggregation'),
    sensitivity: box('mc.sensitivity', 'sensitivity'),
  };
}

function contextFields(input: EvaluationFormInput, lang: Lang): EvaluationFormPage['context'] {
  const { state, setup } = input;
  const t = labelsFor(lang);
  const peers = setup.defaults.peers as Readonly<Record<string, unknown>> | undefined;
  const progress = setup.defaults.progress;
  const expected = setup.defaults.expected;
  const startAttributes = Array.isArray(peers?.attributes) ? peers.attributes.map(text).join(', ') : '';
  const base = state.submitted ? field(state, 'ctx.base') : (progress?.base ?? '');
  return {
    nearest: state.submitted ? field(state, 'ctx.peers') === 'nearest' : peers?.method === 'nearest',
    k: state.submitted ? field(state, 'ctx.k') : text(peers?.k) || '10',
    attributes: state.submitted ? field(state, 'ctx.attributes') : startAttributes,
    bases: [
      { value: '', label: t.contextBaseFirst, selected: base === '' },
      ...setup.periods.map((p) => ({ value: p.id, label: pick(p.label, lang), selected: p.id === base })),
    ],
    target: state.submitted ? field(state, 'ctx.target') : (progress?.target_period ?? ''),
    expected: state.submitted ? ticked(state, 'ctx.expected') : expected?.method !== 'none',
    sources: sourceOrderOptions(
      state.submitted ? field(state, 'ctx.sources') : (setup.defaults.sources ?? []).join(','),
      lang,
    ),
  };
}

function parallelProposal(input: EvaluationFormInput, lang: Lang): EvaluationFormPage['parallel'] {
  const published = input.setup.publishedLine;
  if (input.previous !== null || published === null) return null;
  const t = labelsFor(lang);
  const title = evaluationTitle(published, lang);
  return {
    title: t.parallelTitle,
    text: fill(t.parallelText, { title, version: published.version }),
    href: `/evaluations/${encodeURIComponent(published.id)}/versions/new`,
    link: fill(t.parallelVersionLink, { version: published.version + 1 }),
    confirmed: ticked(input.state, 'parallel'),
  };
}

/** The framework's versions as options: the one typed (a refused form), else the setup's starting one, selected. */
function frameworkVersionOptions(input: EvaluationFormInput, lang: Lang): Option[] {
  const t = labelsFor(lang);
  const { setup, previous } = input;
  const versions = setup.frameworkVersions ?? [];
  const typed = field(input.state, 'frameworkVersion');
  const chosen = versions.some((v) => v.version === typed) ? typed : setup.frameworkVersion;
  return versions.map((v, index) => {
    const note =
      previous !== null && v.version === previous.framework.version
        ? t.formFrameworkVersionPrevious
        : index === 0
          ? t.formFrameworkVersionNewest
          : '';
    return {
      value: v.version,
      label: fill(t.formFrameworkVersionOption, { version: v.version, catalogue: v.catalogueVersion }) + note,
      selected: v.version === chosen,
    };
  });
}

export function evaluationFormPage(input: EvaluationFormInput, lang: Lang): EvaluationFormPage {
  const t = labelsFor(lang);
  const { setup, state, previous } = input;
  const path =
    previous === null ? '/evaluations/new' : `/evaluations/${encodeURIComponent(previous.id)}/versions/new`;
  const heading =
    previous === null
      ? t.newEvaluationTitle
      : fill(t.newVersionTitle, { title: evaluationTitle(previous, lang) });
  const chosen = new Set(state.periods);
  return withFields(
    pageChrome(lang, {
      path,
      query: previous === null ? { framework: setup.framework.id, periods: state.periods.join(',') } : {},
      title: heading,
      section: 'evaluations',
    }),
    {
      heading,
      intro: previous === null ? t.newEvaluationIntro : t.newVersionIntro,
      action:
        previous === null ? '/evaluations/new' : `/evaluations/${encodeURIComponent(previous.id)}/versions`,
      isVersion: previous !== null,
      framework: setup.framework.id,
      frameworks: setup.frameworks.map((f) => ({
        value: f.id,
        label: pick(f.name, lang) + fill(t.aside, { text: `${f.id} v${f.version}` }),
        selected: f.id === setup.framework.id,
      })),
      frameworkVersions: frameworkVersionOptions(input, lang),
      periods: setup.periods.map((p) => ({
        id: `period-${p.id}`,
        value: p.id,
        label: pick(p.label, lang),
        selected: chosen.has(p.id),
      })),
      noPeriods: setup.periods.length === 0,
      labelZh: field(state, 'label.zh'),
      labelEn: field(state, 'label.en'),
      reason: field(state, 'reason'),
      stages: FORM_STAGES.map((stage) => stageFields(input, stage, lang)),
      ahp: ahpTables(input, lang),
      mc: mcFields(input),
      context: contextFields(input, lang),
      parallel: parallelProposal(input, lang),
      problems: input.problems,
      submitLabel: previous === null ? t.formSubmit : t.formSubmitVersion,
      defaultTag: previous === null ? t.formDefault : t.formPrevious,
    },
  );
}
