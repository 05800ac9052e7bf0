import { expect } from 'chai';
import { runEvaluation } from '../../server/evaluation/run-evaluation.js';
import type { ResultsDocument } from '../../server/evaluation/results-document.js';
import { numberFormat } from '../../server/reports/format/number-format.js';
import { isYesNo } from '../../server/reports/views/yes-no.js';
import { readFrameworkSnapshot } from '../../server/reports/context/framework-snapshot.js';
import { readResults } from '../../server/reports/context/read-results.js';
import type { Evaluation } from '../../server/store/models/evaluation.js';
import { importRecords } from '../../server/store/import-records.js';
import { demoApp, type DemoApp } from './demo-app.js';
import { unescapeHtml } from './http/visitor.js';

/**
 * A street whose communities include one without a resident population: the engine's
 * population-weighted roll-up takes the plain mean of the street's communities (a weight cannot be
 * given to a community of unknown size), and the street's page shows that value — the index score
 * and every indicator value — not a mean that silently weighs the population-less community by zero.
 */
describe('a street with a community of unknown population shows the engine’s roll-up', function () {
  this.timeout(180_000);
  let app: DemoApp;
  let evaluation: Evaluation;
  let results: ResultsDocument;
  const period = '2025';
  const street = 'WY01S99';
  const [known, unknown] = ['WY01S99C01', 'WY01S99C02'];

  before(async () => {
    app = await demoApp();
    const sha = (c: string) => c.repeat(64);
    await importRecords(
      app.store,
      { kind: 'units', actor: 'test', fileName: 'u.json', sha256: sha('a'), period: null, periods: [] },
      [
        {
          code: street,
          name: { zh: '试验街道', en: 'Trial Subdistrict' },
          level: 'street',
          parent: 'WY01',
          attributes: { urban_rural: 'urban' },
        },
        {
          code: known,
          name: { zh: '有人口社区', en: 'Counted Community' },
          level: 'community',
          parent: street,
          attributes: { urban_rural: 'urban', peer_group: 'urban_small', resident_population: 3000 },
        },
        {
          code: unknown,
          name: { zh: '无人口社区', en: 'Uncounted Community' },
          level: 'community',
          parent: street,
          attributes: { urban_rural: 'urban', peer_group: 'urban_small' },
        },
      ],
      { tally: { rows: 3, errors: 0, warnings: 0 } },
    );
    // The two communities report what two demo communities reported.
    const [first, second] = await app.store.observations.current({ period });
    if (first === undefined || second === undefined) throw new Error('the demo has no observations');
    await importRecords(
      app.store,
      {
        kind: 'observations',
        actor: 'test',
        fileName: 'o.json',
        sha256: sha('b'),
        period,
        periods: [period],
      },
      [
        { unit: known, period, values: first.values },
        { unit: unknown, period, values: second.values },
      ],
      { tally: { rows: 2, errors: 0, warnings: 0 } },
    );
    evaluation = await runEvaluation(app.store, app.deps.registry, {
      frameworkId: 'default',
      periods: [period],
      actor: 'test',
    });
    results = readResults(await app.store.evaluations.readResults(evaluation.id));
  });
  after(async () => {
    await app.close();
  });

  /** A community's stored value of a column (index score, or an indicator's raw value). */
  const base = (column: Readonly<Record<string, readonly (number | null)[]>>, id: string, code: string) => {
    const value = column[id]?.[results.units.indexOf(code)];
    if (value === undefined || value === null) throw new Error(`${code} has no ${id}`);
    return value;
  };

  const streetPage = async () => {
    const response = await fetch(`${app.url}/evaluations/${evaluation.id}/units/${street}`, {
      headers: { cookie: app.admin.cookie },
    });
    return unescapeHtml(await response.text());
  };

  it('shows the plain mean of the two communities’ index scores', async () => {
    const a = base(results.scores, results.root, known);
    const b = base(results.scores, results.root, unknown);
    const format = numberFormat('zh');
    // Weighing the population-less community by zero would show the first community's score.
    expect(format.score((a + b) / 2)).to.not.equal(format.score(a));
    expect(await streetPage()).to.include(
      `<span class="value" data-testid="index-score">${format.score((a + b) / 2)}</span>`,
    );
  });

  it('shows the plain mean of the two communities’ values on every indicator they both have', async () => {
    const html = await streetPage();
    const format = numberFormat('zh');
    const rows = [...html.matchAll(/<tr[\s\S]*?<\/tr>/g)].map((m) =>
      m[0].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '),
    );
    const snapshot = readFrameworkSnapshot(evaluation.framework.definition);
    let compared = 0;
    for (const indicator of snapshot.indicators) {
      const a = results.raw[indicator.id]?.[results.units.indexOf(known)];
      const b = results.raw[indicator.id]?.[results.units.indexOf(unknown)];
      if (typeof a !== 'number' || typeof b !== 'number') continue;
      const row = rows.find((r) => r.includes(` ${indicator.name.zh} `));
      // A yes/no item's plain mean is the share of the street's communities that have it.
      const shown = isYesNo(indicator)
        ? ` ${format.share((a + b) / 2)} 的社区（村）已有 `
        : ` ${format.raw((a + b) / 2)} `;
      expect(row, indicator.id).to.include(shown);
      compared++;
    }
    expect(compared).to.be.above(20);
  });
});
