import { expect } from 'chai';
import path from 'node:path';
import { auditEvaluation, type StatisticalAudit } from '../../../server/engine/audit/audit.js';
import { runPipeline } from '../../../server/engine/pipeline.js';
import { loadRegistry } from '../../../server/indicators/load-registry.js';
import { toEngineInput } from '../../../server/indicators/to-engine-input.js';
import { indicatorsDir, projectRoot } from '../../../server/paths.js';
import { scoreChoices } from '../../../scripts/commands/score-choices.js';
import { readScoringData } from '../../../scripts/commands/score-table.js';
import { asemDir, readCsv, type CsvRow } from '../support/asem.js';

// The expected values were computed in R with COINr's definitions and confirmed with COINr's own function code
// (see test/fixtures/asem-audit/README.md).
const fixtures = path.join(projectRoot, 'test', 'fixtures', 'asem-audit');
const reference = (file: string): CsvRow[] => readCsv(path.join(fixtures, file));

function expectClose(actual: number | undefined, expected: string | undefined, what: string): void {
  const e = Number(expected);
  expect(actual, what).to.be.a('number');
  const tolerance = Math.max(Math.abs(e), 1e-12) * 1e-9;
  expect(Math.abs((actual ?? NaN) - e), `${what}: ${actual} vs ${e}`).to.be.at.most(tolerance);
}

describe("statistical audit of ASEM against COINr's audit functions (relative 1e-9)", function () {
  this.timeout(120_000);
  let audit: StatisticalAudit;
  let rerunWithout: (element: string) => number;

  before(async () => {
    const framework = (await loadRegistry(indicatorsDir)).resolveFramework('asem');
    const data = await readScoringData(path.join(asemDir, 'asem_iData.csv'), {
      unitColumn: 'uCode',
      periodColumn: 'Time',
    });
    const input = toEngineInput(framework, data.units, data.periods);
    const result = runPipeline(input, scoreChoices(framework, {}, false));
    const nominal = result.ranks.get('Index')!;
    rerunWithout = (element) => {
      const weights: Record<string, number> = {};
      for (const { children, weights: w } of result.weights.values())
        children.forEach((c, j) => (weights[c] = w[j]!));
      weights[element] = 0;
      const rerun = runPipeline(input, { ...result.choices, weighting: { method: 'framework', weights } });
      const ranks = rerun.ranks.get('Index')!;
      return nominal.reduce((sum, r, i) => sum + Math.abs(r - ranks[i]!), 0) / nominal.length;
    };
    audit = auditEvaluation(input, result, {
      sizeThreshold: 0,
      sizeVariables: ['Area', 'Energy', 'GDP', 'Population'],
    });
  });

  it('matches get_stats: availability, share of zeros and unique values, skewness, kurtosis', () => {
    const rows = reference('stats.csv');
    expect(audit.stats).to.have.length(rows.length);
    for (const row of rows) {
      const s = audit.stats.find((x) => x.indicator === row.indicator);
      expectClose(s?.availability, row.availability, `${row.indicator} availability`);
      expectClose(s?.zeroShare, row.zero_share, `${row.indicator} zeros`);
      expectClose(s?.uniqueShare, row.unique_share, `${row.indicator} unique`);
      expectClose(s?.skewness, row.skewness, `${row.indicator} skew`);
      expectClose(s?.kurtosis, row.kurtosis, `${row.indicator} kurt`);
    }
  });

  it('marks an indicator COINr treats (Flights) as needing treatment and one it passes (LPI) as not', () => {
    expect(audit.stats.find((s) => s.indicator === 'Flights')?.treatmentNeeded).to.equal(true);
    expect(audit.stats.find((s) => s.indicator === 'LPI')?.treatmentNeeded).to.equal(false);
  });

  it('matches cor() on the normalised indicators, Pearson and Spearman, for all 1176 pairs', () => {
    const rows = reference('correlations.csv');
    expect(audit.correlations).to.have.length(rows.length);
    rows.forEach((row, i) => {
      const pair = audit.correlations[i];
      expect([pair?.a, pair?.b]).to.deep.equal([row.a, row.b]);
      expectClose(pair?.pearson, row.pearson, `${row.a}-${row.b} pearson`);
      expectClose(pair?.spearman, row.spearman, `${row.a}-${row.b} spearman`);
    });
  });

  it('flags exactly the same-pillar pairs beyond 0.9 or below -0.4 in the reference correlations', () => {
    const parent = new Map(readCsv(path.join(asemDir, 'asem_iMeta.csv')).map((r) => [r.iCode, r.Parent]));
    const expected = reference('correlations.csv')
      .filter((r) => parent.get(r.a) === parent.get(r.b))
      .filter((r) => Math.abs(Number(r.pearson)) > 0.9 || Number(r.pearson) < -0.4)
      .map((r) => `${r.a}-${r.b}`);
    expect(expected.length).to.be.greaterThan(0);
    expect(audit.flags.map((f) => `${f.a}-${f.b}`)).to.deep.equal(expected);
  });

  it('matches get_corr(withparent = TRUE) for every indicator, pillar and sub-index', () => {
    const rows = reference('with_parent.csv');
    expect(audit.withParent).to.have.length(rows.length);
    for (const row of rows) {
      const w = audit.withParent.find((x) => x.element === row.element);
      expect(w?.parent).to.equal(row.parent);
      expectClose(w?.r, row.r, `${row.element} with parent`);
    }
  });

  it('matches get_cronbach for every inner node', () => {
    for (const row of reference('cronbach.csv')) {
      expectClose(audit.cronbach.find((c) => c.node === row.node)?.alpha, row.alpha, `${row.node} alpha`);
    }
  });

  it("matches get_PCA's variance shares for every pillar and component", () => {
    const rows = reference('pca.csv');
    expect(audit.pca).to.have.length(rows.length);
    for (const row of rows) {
      const p = audit.pca.find((x) => x.node === row.node && x.component === Number(row.component));
      expectClose(p?.varianceShare, row.variance_share, `${row.node} PC${row.component}`);
    }
  });

  it("matches get_denom_corr's correlations of the indicators with the denominators", () => {
    const rows = reference('size_correlations.csv');
    expect(audit.sizeCorrelations).to.have.length(rows.length);
    for (const row of rows) {
      const c = audit.sizeCorrelations.find((x) => x.indicator === row.indicator && x.size === row.size);
      expectClose(c?.r, row.r, `${row.indicator} vs ${row.size}`);
    }
  });

  it("matches remove_elements' mean absolute rank change for every indicator and node", () => {
    const rows = reference('remove.csv');
    expect(audit.removal).to.have.length(rows.length);
    for (const row of rows) {
      const r = audit.removal.find((x) => x.element === row.element);
      expectClose(r?.meanAbsRankChange, row.mean_abs_rank_change, `remove ${row.element}`);
    }
  });

  it('gives the same rank changes as rerunning the whole pipeline with the weight at zero', () => {
    for (const element of ['LPI', 'Physical', 'Conn']) {
      const fast = audit.removal.find((r) => r.element === element)!.meanAbsRankChange;
      expect(fast, element).to.equal(rerunWithout(element));
    }
  });
});
