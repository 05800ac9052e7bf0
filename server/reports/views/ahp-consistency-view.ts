/**
 * The consistency line under an AHP matrix on the evaluation form ("一致性比率 CR = 0.032 … 可以
 *接受") and the weights the matrix gives, formatted from the engine's result. The form shows it
 * after a check without JavaScript; the live check (evaluation-form.js) receives the same as JSON.
 *
 * @example ahpConsistencyView({ ok: true, cr: 0.2, lambdaMax: 3.4, … }, node, 'en').bad === true
 */
import type { AhpConsistency, AhpNode } from '../../domain/evaluation-setup.js';
import { numberFormat } from '../format/number-format.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelsFor } from '../i18n/labels.js';
import { pick } from '../i18n/pick.js';

/** Saaty's threshold: a consistency ratio of 0.1 or more is refused. */
const CR_LIMIT = 0.1;

export interface AhpConsistencyView {
  readonly text: string;
  readonly bad: boolean;
  readonly weights: readonly { readonly name: string; readonly share: string }[];
}

export function ahpConsistencyView(result: AhpConsistency, node: AhpNode, lang: Lang): AhpConsistencyView {
  const t = labelsFor(lang);
  if (!result.ok) return { text: result.problems.join('; '), bad: true, weights: [] };
  const three = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    maximumFractionDigits: 3,
    // A consistent matrix's CR may come out as −1e−16: it reads 0.
    signDisplay: 'negative',
  });
  const bad = result.cr >= CR_LIMIT;
  return {
    text: fill(t.ahpConsistency, {
      cr: three.format(result.cr),
      lambda: three.format(result.lambdaMax),
      verdict: bad ? t.ahpInconsistent : t.ahpConsistent,
    }),
    bad,
    weights: node.children.map((child, i) => ({
      name: pick(child.name, lang),
      share: numberFormat(lang).share(result.weights[i] ?? Number.NaN),
    })),
  };
}
