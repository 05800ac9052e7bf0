/**
 * The view model of /self/:id, one self-evaluation as its owner reads it: per dimension the score of
 * each period with the change and trend of the latest, the weakest dimension per period, per
 * indicator its value and score in each period and, in the latest, its light, change, trend,
 * goalposts and distance to target and to green, and the improvements that would lift the index
 * most. Every figure is the engine's, stored with the self-evaluation; this file only formats.
 */
import type { Bilingual } from '../../domain/bilingual.js';
import type { SelfEvaluation, SelfIndicatorStanding } from '../../domain/self-evaluation.js';
import { SELF_METHOD_NOTES } from '../../engine/self/self-choices.js';
import { MISSING, numberFormat } from '../format/number-format.js';
import type { LightName, TrendName } from '../format/signal-names.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { label, labelsFor } from '../i18n/labels.js';
import { pick } from '../i18n/pick.js';
import { changeCell, type ChangeCell } from './change-cell.js';
import { pageChrome, type Chrome } from './chrome.js';
import { when } from './evaluations-list.js';
import { href } from './href.js';
import { lightCell, type LightCell } from './light-cell.js';
import { trendCell, type TrendCell } from './trend-cell.js';
import { withFields } from './with-fields.js';

export interface SelfNames {
  readonly unit: Bilingual | null;
  readonly framework: Bilingual | null;
  readonly nodes: ReadonlyMap<string, Bilingual>;
  readonly units: ReadonlyMap<string, Bilingual>;
}

interface NodeRow {
  readonly name: string;
  readonly isRoot: boolean;
  readonly scores: readonly string[];
  readonly change: ChangeCell | null;
  readonly trend: TrendCell;
}

interface IndicatorRow {
  readonly name: string;
  readonly dimension: string;
  readonly values: readonly string[];
  readonly score: string;
  readonly light: LightCell;
  readonly change: string;
  readonly trend: TrendCell;
  readonly goalposts: string;
  readonly toTarget: string;
  readonly toGreen: string;
}

interface ImprovementRow {
  readonly name: string;
  readonly from: string;
  readonly gain: string;
  readonly newScore: string;
}

export interface SelfPage extends Chrome {
  readonly heading: string;
  readonly backHref: string;
  readonly printTitle: { readonly label: string; readonly rows: readonly { label: string; value: string }[] };
  readonly notes: readonly string[];
  readonly periods: readonly string[];
  readonly latestPeriod: string;
  readonly nodes: readonly NodeRow[];
  readonly weakest: readonly string[];
  readonly indicators: readonly IndicatorRow[];
  readonly improvementsIntro: string;
  readonly improvements: readonly ImprovementRow[];
}

const LIGHTS: ReadonlySet<string> = new Set(['green', 'yellow', 'orange', 'red']);
const TRENDS: ReadonlySet<string> = new Set(['on_track', 'improving', 'stagnating', 'decreasing']);

export function selfPage(self: SelfEvaluation, names: SelfNames, lang: Lang, path: string): SelfPage {
  const t = labelsFor(lang);
  const format = numberFormat(lang);
  const { standing } = self;
  const last = standing.periods.length - 1;
  const nameOf = (id: string): string => {
    const name = names.nodes.get(id);
    return name === undefined ? id : pick(name, lang);
  };
  const raw = (v: number | null | undefined): string =>
    v === null || v === undefined ? MISSING : format.raw(v);
  const score = (v: number | null | undefined): string =>
    v === null || v === undefined ? MISSING : format.score(v);
  const light = (name: string | undefined): LightCell =>
    lightCell(name !== undefined && LIGHTS.has(name) ? (name as LightName) : null, lang);
  const trend = (name: string | undefined): TrendCell =>
    trendCell(name !== undefined && TRENDS.has(name) ? (name as TrendName) : null, lang);
  const withUnit = (i: SelfIndicatorStanding, text: string): string => {
    const unit = names.units.get(i.id);
    return text === MISSING || unit === undefined ? text : `${text} ${pick(unit, lang)}`;
  };
  const distance = (i: SelfIndicatorStanding, v: number | null | undefined): string =>
    v === null || v === undefined ? MISSING : v === 0 ? t.selfReached : withUnit(i, format.raw(v));
  const signedRaw = (v: number | null | undefined): string =>
    v === null || v === undefined ? MISSING : `${v > 0 ? '+' : ''}${format.raw(v)}`;
  const unitName =
    names.unit === null
      ? self.unit
      : lang === 'zh'
        ? `${pick(names.unit, lang)}（${self.unit}）`
        : `${pick(names.unit, lang)} (${self.unit})`;
  const periods = standing.periods.join(t.listSeparator);
  const query = lang === 'en' ? { lang } : {};
  return withFields(
    pageChrome(lang, {
      path,
      query: {},
      title: fill(t.selfHeading, { unit: unitName, periods }),
      section: 'account',
    }),
    {
      heading: fill(t.selfHeading, { unit: unitName, periods }),
      backHref: href('/self', query),
      printTitle: {
        label: t.selfTitle,
        rows: [
          {
            label: t.selfFramework,
            value: names.framework === null ? self.framework.id : pick(names.framework, lang),
          },
          { label: t.selfColPeriods, value: periods },
          { label: t.selfColRun, value: when(self.createdAt, lang) },
        ],
      },
      notes: SELF_METHOD_NOTES.filter((note) => self.notes.includes(note)).map((note) =>
        label(lang, `selfNote_${note}`),
      ),
      periods: [...standing.periods],
      latestPeriod: standing.periods[last] ?? '',
      nodes: [...standing.nodes].reverse().map((n) => {
        const change = n.change[last];
        return {
          name: nameOf(n.id),
          isRoot: n.id === standing.root,
          scores: n.score.map(score),
          change: change === null || change === undefined ? null : changeCell(change, lang),
          trend: trend(n.trend[last]),
        };
      }),
      weakest: standing.weakestDimension.flatMap((d, p) =>
        d === null ? [] : [fill(t.selfWeakest, { period: standing.periods[p] ?? '', dimension: nameOf(d) })],
      ),
      indicators: standing.indicators.map((i) => ({
        name: nameOf(i.id),
        dimension: nameOf(i.parent),
        values: i.raw.map((v) => withUnit(i, raw(v))),
        score: score(i.normalised[last]),
        light: light(i.light[last]),
        change: signedRaw(i.change[last]),
        trend: trend(i.trend[last]),
        goalposts: `${raw(i.floor[last])} → ${raw(i.target[last])}`,
        toTarget: distance(i, i.toTarget[last]),
        toGreen: distance(i, i.toGreen[last]),
      })),
      improvementsIntro:
        standing.improvementPeriod === null
          ? ''
          : fill(t.selfImprovementsIntro, { period: standing.improvementPeriod }),
      improvements: standing.improvements.map((o) => ({
        name: nameOf(o.indicator),
        from: score(o.from),
        gain: format.signed(o.scoreGain),
        newScore: score(o.newScore),
      })),
    },
  );
}
