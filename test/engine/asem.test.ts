import { expect } from 'chai';
import path from 'node:path';
import type { EngineResult } from '../../server/engine/result.js';
import { asemDir, cell, readCsv, readMeta, runAsem, type CsvRow } from './support/asem.js';
import { e1071Kurt, e1071Skew, rankDescending, treatByHand } from './support/coinr-by-hand.js';

// Every expected value here is computed in the test from the raw CSV with plain code, following
// METHOD.md (COINr's default methodology) step by step, not taken from the engine.
describe('ASEM index, single year (COINr default methodology)', function () {
  this.timeout(60_000);
  const rows = readCsv(path.join(asemDir, 'asem_iData.csv'));
  const meta = readMeta();
  const indicators = meta.filter((m) => m.level === 1);
  let result: EngineResult;

  /** Step 2 and 3 by hand: x / denominator, then the mean of the unit's EurAsia_group. */
  function imputedByHand(code: string): (number | null)[] {
    const m = indicators.find((i) => i.code === code)!;
    const denominated = rows.map((r) => {
      const x = cell(r, code);
      const d = m.denominator === '' ? 1 : cell(r, m.denominator);
      return x === null || d === null ? null : x / d;
    });
    const groupMean = (group: string): number => {
      const values = denominated.filter(
        (v, i): v is number => v !== null && rows[i]!.EurAsia_group === group,
      );
      return values.reduce((s, v) => s + v, 0) / values.length;
    };
    return denominated.map((v, i) => v ?? groupMean(rows[i]!.EurAsia_group!));
  }

  const rowOf = (code: string): number => rows.findIndex((r: CsvRow) => r.uCode === code);

  before(async () => {
    result = await runAsem(path.join(asemDir, 'asem_iData.csv'));
  });

  it("divides by the denominator and imputes LAO's Elec from the Asian mean (LAO has no Energy)", () => {
    const lao = rowOf('LAO');
    expect(cell(rows[lao]!, 'Energy')).to.equal(null);
    const expected = imputedByHand('Elec')[lao]!;
    expect(result.imputed.values.get('Elec')![lao]).to.be.closeTo(expected, Math.abs(expected) * 1e-12);
  });

  it('imputes a raw gap (ConSpeed) with the group mean of the denominated values', () => {
    const byHand = imputedByHand('ConSpeed');
    const gaps = rows.map((r, i) => (cell(r, 'ConSpeed') === null ? i : -1)).filter((i) => i >= 0);
    expect(gaps.length).to.be.greaterThan(0);
    for (const i of gaps) expect(result.imputed.values.get('ConSpeed')![i]).to.be.closeTo(byHand[i]!, 1e-12);
  });

  it("has 65 missing values after denominating (63 raw + LAO's Elec and Gas) and none after imputing", () => {
    let before = 0;
    let after = 0;
    for (const m of indicators) {
      before += result.raw.values.get(m.code)!.filter((v) => Number.isNaN(v)).length;
      after += result.imputed.values.get(m.code)!.filter((v) => Number.isNaN(v)).length;
    }
    expect(before).to.equal(65);
    expect(after).to.equal(0);
  });

  it('keeps all 51 units through screening', () => {
    expect(result.ranks.get('Index')!.filter((r) => r > 0).length).to.equal(51);
  });

  it('logs the e1071 type-2 skewness and kurtosis of Flights per capita', () => {
    const x = imputedByHand('Flights');
    const entry = result.log.find((e) => e.stage === 'treatment' && e.indicator === 'Flights');
    expect(entry?.data?.skew).to.be.closeTo(e1071Skew(x), 1e-10);
    expect(entry?.data?.kurt).to.be.closeTo(e1071Kurt(x), 1e-10);
  });

  it("winsorises and log-transforms exactly the indicators COINr's rules pick, with the same point counts", () => {
    const byHand = indicators.map((m) => {
      const t = treatByHand(imputedByHand(m.code));
      return `${m.code}:${t.result}:${t.nwin}`;
    });
    const byEngine = indicators.map((m) => {
      const entry = result.log.find((e) => e.stage === 'treatment' && e.indicator === m.code);
      return `${m.code}:${entry?.message}:${Number(entry?.data?.nwin ?? 0)}`;
    });
    expect(byEngine).to.deep.equal(byHand);
    expect(byHand.filter((s) => s.includes('winsorised')).length).to.be.greaterThan(0);
  });

  it('min-max normalises every indicator after applying its direction', () => {
    for (const m of indicators) {
      const treated = treatByHand(imputedByHand(m.code)).values.map((v) => v! * m.direction);
      const min = Math.min(...treated);
      const max = Math.max(...treated);
      const normalised = result.normalised.values.get(m.code)!;
      treated.forEach((v, i) => {
        expect(normalised[i]).to.be.closeTo(((v - min) / (max - min)) * 100, 1e-9, `${m.code} row ${i}`);
      });
    }
  });

  it('scores a pillar as the mean of its normalised indicators (AUT, Physical)', () => {
    const aut = rowOf('AUT');
    const children = indicators.filter((m) => m.parent === 'Physical');
    const mean =
      children.reduce((s, m) => s + result.normalised.values.get(m.code)![aut]!, 0) / children.length;
    expect(result.scores.values.get('Physical')![aut]).to.be.closeTo(mean, 1e-12);
  });

  it('scores the index as the mean of the sub-indices, each the mean of its pillars', () => {
    const che = rowOf('CHE');
    const score = (id: string): number => result.scores.values.get(id)![che]!;
    const pillarsOf = (sub: string): string[] =>
      meta.filter((m) => m.level === 2 && m.parent === sub).map((m) => m.code);
    const conn = pillarsOf('Conn').reduce((s, p) => s + score(p), 0) / 5;
    const sust = pillarsOf('Sust').reduce((s, p) => s + score(p), 0) / 3;
    expect(score('Conn')).to.be.closeTo(conn, 1e-12);
    expect(score('Index')).to.be.closeTo((conn + sust) / 2, 1e-12);
  });

  it('ranks the index as rank(-score, ties = "min")', () => {
    const index = Array.from(result.scores.values.get('Index')!);
    expect(Array.from(result.ranks.get('Index')!)).to.deep.equal(rankDescending(index));
  });

  it('shares the smallest rank between tied indicator values (TIRcon is 0 or 1)', () => {
    const normalised = Array.from(result.normalised.values.get('TIRcon')!);
    expect(Array.from(result.ranks.get('TIRcon')!)).to.deep.equal(rankDescending(normalised));
    expect(new Set(result.ranks.get('TIRcon')).size).to.be.lessThan(5);
  });
});
