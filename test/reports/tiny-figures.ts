/**
 * The engine's figures for the tiny evaluation (tiny-context.ts), made the way an evaluation makes
 * them: the hand-set columns of the three communities are rolled up by resident population to the
 * streets, the district and the city (S1 = c1·1000 + c2·3000 over 4000, S2 = c3, D = CT = all three
 * over 6000), and every level goes through the engine's diagnose() and levelFigures(), stored with
 * the evaluation's own document builders. View tests then check what the pages select and format.
 */
import {
  diagnose,
  type DiagnoseInput,
  type DiagnoseSource,
} from '../../server/engine/diagnostics/diagnose.js';
import { dataCoverage } from '../../server/engine/diagnostics/data-coverage.js';
import { levelFigures } from '../../server/engine/diagnostics/level-figures.js';
import { weightShares } from '../../server/engine/diagnostics/weight-shares.js';
import { ranksTiesMin } from '../../server/engine/numeric/rank.js';
import { coverageDocument, figuresDocument } from '../../server/evaluation/figures-document.js';
import { diagnosticsDocument, type Cell } from '../../server/evaluation/results-document.js';

type Columns = Record<string, readonly Cell[]>;

interface TinyLevel {
  readonly codes: readonly string[];
  readonly parents: readonly (string | undefined)[];
  readonly peers: readonly string[];
  readonly population: readonly number[];
  readonly raw: Map<string, Float64Array>;
  readonly normalised: Map<string, Float64Array>;
  readonly scores: Map<string, Float64Array>;
}

const PERIODS = 2;

const INDICATORS: DiagnoseInput['tree']['indicators'] = [
  {
    id: 'x',
    direction: 1,
    thresholds: { green: 80, yellow: 60, orange: 40 },
    goalposts: { floor: 0, target: 100 },
  },
  {
    id: 'y',
    direction: -1,
    thresholds: { green: 2, yellow: 4, orange: 6 },
    goalposts: { floor: 10, target: 1 },
  },
  {
    id: 'z',
    direction: 1,
    thresholds: { green: 1, yellow: 0.8, orange: 0.5 },
    goalposts: { floor: 0, target: 1 },
  },
];

function floats(columns: Columns): Map<string, Float64Array> {
  return new Map(
    Object.entries(columns).map(([id, cells]) => [id, Float64Array.from(cells, (c) => c ?? Number.NaN)]),
  );
}

/** Each parent's population-weighted mean of its children, per period. */
function rollUp(
  child: TinyLevel,
  codes: readonly string[],
  parents: readonly (string | undefined)[],
  peers: readonly string[],
): TinyLevel {
  const n = child.codes.length;
  const mean = (columns: Map<string, Float64Array>) =>
    new Map(
      [...columns].map(([id, column]) => {
        const out = new Float64Array(codes.length * PERIODS);
        codes.forEach((code, k) => {
          for (let p = 0; p < PERIODS; p++) {
            let total = 0;
            let weight = 0;
            child.parents.forEach((parent, c) => {
              const v = column[p * n + c] ?? Number.NaN;
              if (parent !== code || Number.isNaN(v)) return;
              total += (child.population[c] ?? 0) * v;
              weight += child.population[c] ?? 0;
            });
            out[p * codes.length + k] = weight > 0 ? total / weight : Number.NaN;
          }
        });
        return [id, out];
      }),
    );
  const population = codes.map((code) =>
    child.codes.reduce((sum, _, c) => sum + (child.parents[c] === code ? (child.population[c] ?? 0) : 0), 0),
  );
  return {
    codes,
    parents,
    peers,
    population,
    raw: mean(child.raw),
    normalised: mean(child.normalised),
    scores: mean(child.scores),
  };
}

function source(
  level: TinyLevel,
  doc: { weights: Record<string, { children: readonly string[]; weights: readonly number[] }> },
  stored?: Columns,
): DiagnoseSource {
  const unitCount = level.codes.length;
  const ranks =
    stored !== undefined
      ? new Map(Object.entries(stored).map(([id, cells]) => [id, Uint32Array.from(cells, (c) => c ?? 0)]))
      : new Map(
          [...level.scores].map(([id, column]) => {
            const r = new Uint32Array(column.length);
            for (let p = 0; p < PERIODS; p++)
              r.set(
                ranksTiesMin(column.subarray(p * unitCount, (p + 1) * unitCount), 'descending'),
                p * unitCount,
              );
            return [id, r];
          }),
        );
  return {
    periodIds: ['2024', '2025'],
    unitCount,
    rowCount: unitCount * PERIODS,
    indicatorIds: ['x', 'y', 'z'],
    nodeIds: ['a_dim', 'b_dim', 'index'],
    root: 'index',
    ranks,
    rowFlags: new Uint8Array(unitCount * PERIODS),
    raw: { values: level.raw },
    normalised: { values: level.normalised },
    scores: { values: level.scores },
    weights: new Map(Object.entries(doc.weights)),
  };
}

function input(level: TinyLevel): DiagnoseInput {
  return {
    tree: { indicators: INDICATORS },
    units: { parents: level.parents, attributes: new Map([['peer_group', [...level.peers]]]) },
  };
}

/** The sections an evaluation stores besides the base columns, for the tiny document. */
export function tinyEngineSections(doc: {
  raw: Columns;
  ranks: Columns;
  normalised: Columns;
  scores: Columns;
  rawReasons: Record<string, Record<string, number>>;
  flags: Record<string, Record<string, number>>;
  weights: Record<string, { children: readonly string[]; weights: readonly number[] }>;
}): Record<string, unknown> {
  const base: TinyLevel = {
    codes: ['c1', 'c2', 'c3'],
    parents: ['S1', 'S1', 'S2'],
    peers: ['urban_small', 'urban_small', 'rural'],
    population: [1000, 3000, 2000],
    raw: floats(doc.raw),
    normalised: floats(doc.normalised),
    scores: floats(doc.scores),
  };
  const streets = rollUp(base, ['S1', 'S2'], ['D', 'D'], ['urban', 'rural']);
  const districts = rollUp(streets, ['D'], ['CT'], ['urban']);
  const city = rollUp(districts, ['CT'], [undefined], ['urban']);
  const options = { peerGroup: 'peer_group', aggregation: 'arithmetic' } as const;
  const baseSource = source(base, doc, doc.ranks);
  const sparse = (columns: Record<string, Record<string, number>>) =>
    new Map(
      Object.entries(columns).map(([id, cells]) => {
        const bytes = new Uint8Array(6);
        for (const [row, code] of Object.entries(cells)) bytes[Number(row)] = code;
        return [id, bytes];
      }),
    );
  const cells = (columns: Map<string, Float64Array | Uint32Array>, zeroIsNull = false): Columns =>
    Object.fromEntries(
      [...columns].map(([id, column]) => [
        id,
        Array.from(column, (v) => (Number.isFinite(v) && !(zeroIsNull && v === 0) ? v : null)),
      ]),
    );
  return {
    weightShares: Object.fromEntries(
      [...weightShares(new Map(Object.entries(doc.weights)))].map(([node, shares]) => [
        node,
        Array.from(shares),
      ]),
    ),
    diagnostics: diagnosticsDocument(baseSource, diagnose(input(base), baseSource, options), 'peer_group'),
    figures: figuresDocument(levelFigures(input(base), baseSource, options), baseSource.indicatorIds),
    coverage: coverageDocument(
      dataCoverage({
        indicatorIds: ['x', 'y', 'z'],
        periodIds: ['2024', '2025'],
        unitCount: 3,
        raw: { values: base.raw, reasons: sparse(doc.rawReasons) },
        flags: sparse(doc.flags),
      }),
    ),
    rollup: {
      method: 'population_weighted',
      levels: [streets, districts, city].map((level, k) => {
        const s = source(level, doc);
        return {
          level: k + 1,
          codes: level.codes,
          scores: cells(level.scores),
          ranks: cells(s.ranks as Map<string, Uint32Array>, true),
          raw: cells(level.raw),
          normalised: cells(level.normalised),
          diagnostics: diagnosticsDocument(s, diagnose(input(level), s, options), 'peer_group'),
          figures: figuresDocument(levelFigures(input(level), s, options), s.indicatorIds),
        };
      }),
    },
  };
}
