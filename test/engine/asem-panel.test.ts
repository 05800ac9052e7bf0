import { expect } from 'chai';
import path from 'node:path';
import { RowFlag } from '../../server/engine/flags.js';
import type { EngineResult } from '../../server/engine/result.js';
import { cell, panelDir, readCsv, readMeta, runAsem } from './support/asem.js';
import { rankDescending, treatByHand } from './support/coinr-by-hand.js';

// COINr's multi-year example (METHOD.md "Several years"), checked with plain code on the raw CSV.
describe('ASEM index, panel of five years (COINr purse methodology)', function () {
  this.timeout(60_000);
  const rows = readCsv(path.join(panelDir, 'asem_panel_iData.csv'));
  const indicators = readMeta().filter((m) => m.level === 1);
  const years = ['2018', '2019', '2020', '2021', '2022'];
  const units = [...new Set(rows.map((r) => r.uCode!))];
  let result: EngineResult;

  before(async () => {
    result = await runAsem(path.join(panelDir, 'asem_panel_iData.csv'));
  });

  const rowIndex = (unit: string, year: string): number =>
    years.indexOf(year) * units.length + units.indexOf(unit);
  const dataRow = (unit: string, year: string) => rows.find((r) => r.uCode === unit && r.Time === year)!;
  const kept = (year: string): string[] =>
    units.filter((u) => indicators.filter((m) => cell(dataRow(u, year), m.code) !== null).length / 49 >= 0.9);

  it('drops BGD, BRN, KHM, LAO and MMR in every year and keeps 46 units a year', () => {
    for (const year of years) {
      const dropped = units.filter(
        (u) => ((result.rowFlags[rowIndex(u, year)] ?? 0) & RowFlag.ScreenedOut) !== 0,
      );
      expect(dropped).to.deep.equal(['BGD', 'BRN', 'KHM', 'LAO', 'MMR']);
      expect(kept(year)).to.have.length(46);
    }
  });

  it('neither denominates nor imputes: the raw values of kept units stay, gaps stay missing', () => {
    const row = dataRow('AUT', '2020');
    expect(result.raw.values.get('Flights')![rowIndex('AUT', '2020')]).to.equal(cell(row, 'Flights'));
    const gap = rows.find((r) => r.Time === '2019' && r.ConSpeed === '' && kept('2019').includes(r.uCode!))!;
    expect(result.imputed.values.get('ConSpeed')![rowIndex(gap.uCode!, '2019')]).to.be.NaN;
  });

  it('treats each year on its own and normalises with min and max pooled over all years', () => {
    for (const m of indicators.filter((i) => ['LPI', 'Goods', 'CO2'].includes(i.code))) {
      const treated = new Map<string, number>();
      for (const year of years) {
        const ids = kept(year);
        const t = treatByHand(ids.map((u) => cell(dataRow(u, year), m.code)));
        ids.forEach((u, k) => {
          const v = t.values[k];
          if (v !== null && v !== undefined) treated.set(`${u}@${year}`, v * m.direction);
        });
      }
      const all = [...treated.values()];
      const min = Math.min(...all);
      const max = Math.max(...all);
      for (const [key, v] of treated) {
        const [u, year] = key.split('@') as [string, string];
        expect(result.normalised.values.get(m.code)![rowIndex(u, year)]).to.be.closeTo(
          ((v - min) / (max - min)) * 100,
          1e-9,
        );
      }
    }
  });

  it('aggregates per year skipping missing indicators and ranks within each year', () => {
    for (const year of years) {
      const ids = kept(year);
      const physical = ids.map((u) => {
        const values = indicators
          .filter((m) => m.parent === 'Physical')
          .map((m) => result.normalised.values.get(m.code)![rowIndex(u, year)]!)
          .filter((v) => !Number.isNaN(v));
        return values.reduce((s, v) => s + v, 0) / values.length;
      });
      ids.forEach((u, k) => {
        expect(result.scores.values.get('Physical')![rowIndex(u, year)]).to.be.closeTo(physical[k]!, 1e-12);
      });
      const index = ids.map((u) => result.scores.values.get('Index')![rowIndex(u, year)]!);
      expect(ids.map((u) => result.ranks.get('Index')![rowIndex(u, year)])).to.deep.equal(
        rankDescending(index),
      );
    }
  });
});
