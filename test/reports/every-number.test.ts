import { expect } from 'chai';
import type { ResultsDocument } from '../../server/evaluation/results-document.js';
import { readFrameworkSnapshot } from '../../server/reports/context/framework-snapshot.js';
import { readResults } from '../../server/reports/context/read-results.js';
import { demoApp, type DemoApp } from './demo-app.js';
import { unescapeHtml } from './http/visitor.js';

/**
 * Every number the report pages of the demo evaluation show must be in its results document, and in
 * the part of it about the unit the number is shown for: the pages select and format, the engine
 * computes. Each table row that names a unit (by code or name) is checked against that unit's
 * figures in the document (its rows in its level in every period, its peer group's figures, its
 * register entry); the rest of a page against the figures of the page's own units and the
 * evaluation-wide ones (periods, histograms, coverage, counts). Names, codes, units of measure and
 * versions are taken out first. A number counts as found when the document holds it at the
 * precision shown (a rank interval rounds its ends outwards, so within one unit of the last digit:
 * the unit page's interval sentence and every `<span class="interval">` of a table row; shares may
 * be shown in per cent). A level's rank intervals are that level's figures (uncertainty.levels).
 */

/** Sentences of the page templates that hold a number of their own (not a figure). */
const TEMPLATE_NUMBERS = [
  '在 90% 的合理方法组合下',
  '每 10 分一档',
  '（2–4 个，用逗号分隔）',
  '蒙特卡洛模拟中 90% 的排名',
  '排名区间（90%）',
  // The residents' survey: the confidence level of its intervals and the ±1.96 of a mean's.
  '估计值（95%区间）',
  '95%置信区间',
  '±1.96倍标准误',
  'Estimate (95% interval)',
  '95% confidence interval',
  '±1.96 standard errors',
];

type Json = unknown;

interface Token {
  readonly text: string;
  readonly value: number;
  readonly unit: number;
}

interface Row {
  readonly text: string;
  /** The row's rank intervals (and bands), checked with their ends rounded outwards. */
  readonly intervals: string;
}

/** The <main> of a page without scripts, forms and the pager, split into table rows and the rest. */
function segments(html: string): { rows: Row[]; rest: string; interval: string } {
  const main = (/<main[\s\S]*?<\/main>/.exec(html)?.[0] ?? '')
    .replace(/<p id="rank-interval">[\s\S]*?<\/p>/g, ' ')
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<form[\s\S]*?<\/form>/g, ' ')
    .replace(/<p class="(?:meta|pager[^"]*)">[\s\S]*?<\/p>/g, ' ');
  const text = (fragment: string) => unescapeHtml(fragment.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
  const spans = /<span class="interval">([\s\S]*?)<\/span>/g;
  const rows = [...main.matchAll(/<tr[\s\S]*?<\/tr>/g)].map((m) => ({
    text: text(m[0].replace(spans, ' ')),
    intervals: text([...m[0].matchAll(spans)].map((s) => s[1] ?? '').join(' ')),
  }));
  const interval = /<p id="rank-interval">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
  return { rows, rest: text(main.replace(/<tr[\s\S]*?<\/tr>/g, ' ')), interval: text(interval) };
}

function tokens(text: string, quoted: readonly string[]): Token[] {
  let rest = text;
  for (const phrase of quoted) rest = rest.split(phrase).join(' ');
  // Unit codes (WY01S01C00) and versions (1.0.0) are names, not figures.
  rest = rest.replace(/\b[A-Z]+\d[A-Z0-9]*\b/g, ' ').replace(/\b\d+\.\d+\.\d+\b/g, ' ');
  return [...rest.matchAll(/[+\-−]?\d[\d,]*(?:\.\d+)?/g)].map((m) => {
    const plain = m[0].replace(/,/g, '').replace('−', '-');
    return { text: m[0], value: Number(plain), unit: 10 ** -(plain.split('.')[1]?.length ?? 0) };
  });
}

/** Every number in a JSON value, numeric strings (periods) included. */
function allNumbers(value: Json, into: number[]): void {
  if (typeof value === 'number') into.push(value);
  else if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) into.push(Number(value));
  else if (Array.isArray(value))
    value.forEach((v) => {
      allNumbers(v, into);
    });
  else if (typeof value === 'object' && value !== null)
    Object.values(value).forEach((v) => {
      allNumbers(v, into);
    });
}

/** The numbers of one unit's rows (period × count + index) in a level's sections. */
function rowNumbers(
  section: Json,
  rows: ReadonlySet<number>,
  rowCount: number,
  periods: number,
  into: number[],
): void {
  if (Array.isArray(section)) {
    if (section.length === rowCount)
      rows.forEach((row) => {
        allNumbers(section[row], into);
      });
    else if (section.length === periods) allNumbers(section, into);
    return;
  }
  if (typeof section === 'object' && section !== null)
    for (const [key, value] of Object.entries(section))
      if (key !== 'peers' && key !== 'bins' && key !== 'binOf')
        rowNumbers(value, rows, rowCount, periods, into);
}

/** A level's peer-group figures of one group, every period. */
function peerNumbers(figures: Json, index: number, periods: readonly number[], into: number[]): void {
  const peers = (
    figures as { peers?: { labels: string[]; unitGroup: number[] } & Record<string, Json> } | undefined
  )?.peers;
  if (peers === undefined) return;
  const group = peers.unitGroup[index] ?? -1;
  if (group < 0) return;
  for (const key of ['medianScores', 'bestScores', 'medianRaw', 'medianNormalised'])
    for (const column of Object.values(peers[key] as Record<string, (number | null)[]>))
      for (const p of periods) allNumbers(column[p * peers.labels.length + group], into);
}

/** The numbers the results hold about one unit in the given periods (every period by default). */
function unitNumbers(doc: ResultsDocument, code: string, shown?: readonly number[]): number[] {
  const found: number[] = [];
  const periods = doc.periods.length;
  const kept = shown ?? doc.periods.map((_, p) => p);
  const register = doc.register.find((u) => u.code === code);
  allNumbers(register?.attributes ?? {}, found);
  const uncertainty = doc.uncertainty === undefined ? null : { ...doc.uncertainty, levels: null };
  const levels: { codes: readonly string[]; section: Json; figures: Json }[] = [
    {
      codes: doc.units,
      section: {
        ...doc,
        uncertainty,
        register: null,
        rollup: null,
        coverage: null,
        weights: null,
        log: null,
        choices: null,
      },
      figures: doc.figures,
    },
    ...(doc.rollup?.levels ?? []).map((l) => ({
      codes: l.codes,
      section: { ...l, intervals: doc.uncertainty?.levels?.find((i) => i.level === l.level) ?? null },
      figures: l.figures,
    })),
  ];
  for (const level of levels) {
    const index = level.codes.indexOf(code);
    if (index < 0) continue;
    const n = level.codes.length;
    const rows = new Set(kept.map((p) => p * n + index));
    rowNumbers(level.section, rows, n * periods, periods, found);
    peerNumbers(level.figures, index, kept, found);
  }
  // The unit's residents' survey estimates, at whatever level it is (streets and above pool).
  for (const indicator of doc.surveys?.indicators ?? []) {
    for (const cells of Object.values(indicator.levels)) {
      const index = cells.units.indexOf(code);
      if (index < 0) continue;
      for (const p of kept) {
        const row = p * cells.units.length + index;
        for (const column of [cells.estimate, cells.low, cells.high, cells.n, cells.nEffective])
          allNumbers(column[row] ?? null, found);
      }
    }
  }
  return found;
}

/** Figures about the evaluation as a whole: periods, counts, histograms, coverage, progress counts, the version. */
function evaluationNumbers(doc: ResultsDocument): number[] {
  const found: number[] = [doc.units.length, doc.periods.length, doc.version ?? 1];
  allNumbers(doc.periods, found);
  allNumbers(doc.coverage ?? {}, found);
  allNumbers(doc.uncertainty?.runs ?? 0, found);
  // The units per progress category and period (issue 16), counted by the engine.
  allNumbers(doc.progress?.counts ?? {}, found);
  // The survey indicators' minimum samples and scale levels (methodology page).
  for (const s of doc.surveys?.indicators ?? [])
    allNumbers([s.minSample, s.scaleMin, s.scaleMax, s.statistic, s.scale.map((l) => l.value)], found);
  for (const figures of [doc.figures, ...(doc.rollup?.levels ?? []).map((l) => l.figures)])
    allNumbers(figures?.bins ?? [], found);
  return found;
}

/**
 * Whether the numbers hold the token at the precision shown (or as a share shown in per cent);
 * `outwards` also accepts a value rounded down or up to it (the ends of a rank interval).
 */
function holds(numbers: readonly number[], token: Token, outwards = false): boolean {
  const within = outwards ? token.unit * (1 - 1e-9) : token.unit * 0.5 + 1e-9;
  const match = (t: number) => numbers.some((v) => Math.abs(v - t) <= within);
  return match(token.value) || match(token.value / 100);
}

describe('every number on the report pages comes from the results document (demo city)', function () {
  this.timeout(180_000);
  let app: DemoApp;
  let doc: ResultsDocument;
  let quoted: string[];
  let names: Map<string, string>;

  before(async () => {
    app = await demoApp();
    doc = readResults(await app.store.evaluations.readResults(app.demo.id));
    const snapshot = readFrameworkSnapshot(app.demo.framework.definition);
    names = new Map(
      doc.register.map((u) => [u.name.zh, u.code] as const).sort((a, b) => b[0].length - a[0].length),
    );
    quoted = [
      ...TEMPLATE_NUMBERS,
      ...doc.register.flatMap((u) => [u.name.zh, u.name.en]),
      ...snapshot.indicators.flatMap((i) => [i.name.zh, i.name.en, i.unit.zh, i.unit.en]),
      ...snapshot.dimensions.flatMap((d) => [d.name.zh, d.name.en]),
      snapshot.framework.name.zh,
      snapshot.framework.name.en,
      app.demo.label?.zh ?? '',
      app.demo.label?.en ?? '',
    ]
      .filter((phrase) => phrase.length > 0)
      .sort((a, b) => b.length - a.length);
  });
  after(async () => {
    await app.close();
  });

  /** The numbers of a page not found where they belong, and how many were checked. */
  const check = async (path: string, pageUnits: readonly string[], shown?: readonly number[]) => {
    const response = await fetch(`${app.url}/evaluations/${app.demo.id}${path}`, {
      headers: { cookie: app.admin.cookie },
    });
    expect(response.status, path).to.equal(200);
    const { rows, rest, interval } = segments(await response.text());
    const general = evaluationNumbers(doc);
    const pageNumbers = [...general, ...pageUnits.flatMap((code) => unitNumbers(doc, code, shown))];
    const absent: string[] = [];
    let checked = 0;
    const inspect = (text: string, numbers: readonly number[], outwards = false) => {
      for (const token of tokens(text, quoted)) {
        checked++;
        if (!holds(numbers, token, outwards)) absent.push(`${token.text} in “${text.slice(0, 80)}”`);
      }
    };
    for (const row of rows) {
      const code =
        /\b(WY[0-9A-Z]*)\b/.exec(row.text)?.[1] ?? [...names].find(([name]) => row.text.includes(name))?.[1];
      const numbers = code === undefined ? pageNumbers : [...general, ...unitNumbers(doc, code, shown)];
      inspect(row.text, numbers);
      inspect(row.intervals, numbers, true);
    }
    inspect(rest, pageNumbers);
    inspect(interval, pageNumbers, true);
    return { checked, absent };
  };

  const LATEST = [2];
  const cases: { what: string; path: string; units: string[]; shown?: number[] }[] = [
    // A unit page's trend shows the unit's index score and rank in every period.
    { what: 'a community’s unit page', path: '/units/WY01S01C00', units: ['WY01S01C00'] },
    { what: 'a street’s unit page', path: '/units/WY01S01', units: ['WY01S01'] },
    { what: 'a district’s unit page', path: '/units/WY01', units: ['WY01'] },
    { what: 'the city’s unit page', path: '/units/WY', units: ['WY'] },
    {
      what: 'the ranking, league and distribution of the evaluation page',
      path: '',
      units: [],
      shown: LATEST,
    },
    { what: 'the ranking of the streets', path: '?level=street', units: [], shown: LATEST },
    {
      what: 'the ranking of the districts in an earlier period',
      path: '?level=district&period=2024',
      units: [],
      shown: [1],
    },
    // The compare page draws every period's scores.
    { what: 'the compare page of two districts', path: '/compare?units=WY01,WY02', units: ['WY01', 'WY02'] },
    {
      what: 'the compare page of a community and a street',
      path: '/compare?units=WY01S01C00,WY01S01',
      units: ['WY01S01C00', 'WY01S01'],
    },
  ];
  for (const { what, path, units, shown } of cases) {
    it(`finds every number of ${what} among the figures the results hold for its units`, async () => {
      const { checked, absent } = await check(path, units, shown);
      expect(checked, 'numbers on the page').to.be.above(20);
      expect(absent).to.deep.equal([]);
    });
  }

  it('misses the numbers of a unit page when checked against another unit’s figures', async () => {
    const other = doc.units[doc.units.length - 1] ?? '';
    const { absent } = await check(`/units/WY01S01C00`, [other], LATEST);
    expect(other).to.not.equal('WY01S01C00');
    expect(absent.length).to.be.above(5);
  });
});
