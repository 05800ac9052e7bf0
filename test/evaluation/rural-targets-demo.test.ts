/**
 * Done when (issue 16, targets that fit): on the demo city, a framework variant with rural targets
 * for the online service rate changes the lights of rural villages as its justification states —
 * each village's light read against 70/50/30 instead of 90/70/50 — and leaves the urban
 * communities' lights alone; the stored results say which override applied where.
 */
import { expect } from 'chai';
import { loadDemo } from '../../server/demo/load-demo.js';
import { runEvaluation } from '../../server/evaluation/run-evaluation.js';
import type { ResultsDocument } from '../../server/evaluation/results-document.js';
import { loadRegistry } from '../../server/indicators/load-registry.js';
import type { TempFolder } from '../indicators/temp-folder.js';
import { buildReportContext } from '../../server/reports/context/report-context.js';
import { indicatorTable } from '../../server/reports/views/indicator-table.js';
import { methodologyPage } from '../../server/reports/views/methodology-page.js';
import type { Evaluation } from '../../server/store/models/evaluation.js';
import { tempEmbeddedStore } from '../support/temp-store.js';
import { RURAL_FRAMEWORK, RURAL_THRESHOLDS, withRuralTargets } from './rural-targets-framework.js';

const INDICATOR = 'online_service_rate';

/** The light a value gets against "higher is better" thresholds, worked out here by hand. */
function lightOf(value: number, t: { green: number; yellow: number; orange: number }): string {
  return value >= t.green ? 'green' : value >= t.yellow ? 'yellow' : value >= t.orange ? 'orange' : 'red';
}

describe('targets that fit on the demo city: rural targets for the online service rate', function () {
  this.timeout(180_000);
  let folder: TempFolder;
  let dispose: () => Promise<void>;
  let plain: ResultsDocument;
  let fitted: ResultsDocument;
  let variantEvaluation: Evaluation;

  before(async () => {
    folder = await withRuralTargets();
    const registry = await loadRegistry(folder.dir);
    const temp = await tempEmbeddedStore();
    dispose = temp.dispose;
    const demo = await loadDemo(temp.store, registry);
    const variant = await runEvaluation(temp.store, registry, {
      frameworkId: RURAL_FRAMEWORK,
      periods: demo.periods,
      actor: 'test',
    });
    variantEvaluation = variant;
    plain = (await temp.store.evaluations.readResults(demo.id)) as unknown as ResultsDocument;
    fitted = (await temp.store.evaluations.readResults(variant.id)) as unknown as ResultsDocument;
  });
  after(async () => {
    await dispose();
    await folder.remove();
  });

  function rows(): {
    rural: boolean;
    raw: number | null;
    before: string;
    after: string;
    applied: number | null;
  }[] {
    const settlement = new Map(fitted.register.map((u) => [u.code, u.attributes.urban_rural]));
    const raw = fitted.raw[INDICATOR] ?? [];
    return raw.map((value, row) => ({
      rural: settlement.get(fitted.units[row % fitted.units.length] ?? '') === 'rural',
      raw: value,
      before: plain.diagnostics?.lights[INDICATOR]?.[row] ?? 'missing',
      after: fitted.diagnostics?.lights[INDICATOR]?.[row] ?? 'missing',
      applied: fitted.targets?.rows[INDICATOR]?.[row] ?? null,
    }));
  }

  it('reads every rural village against 70/50/30, so lights change where the justification says', () => {
    const rural = rows().filter((r) => r.rural && r.raw !== null);
    expect(rural.length).to.be.above(0);
    for (const r of rural) expect(r.after).to.equal(lightOf(r.raw ?? Number.NaN, RURAL_THRESHOLDS));
    const changed = rural.filter((r) => r.before !== r.after);
    const greenBefore = rural.filter((r) => r.before === 'green').length;
    const greenAfter = rural.filter((r) => r.after === 'green').length;
    // The default thresholds are stricter, so a change can only be towards green, and some lights do change.
    expect(changed.length).to.be.above(0);
    expect(greenAfter).to.be.above(greenBefore);
    for (const r of changed)
      expect(r.before).to.equal(lightOf(r.raw ?? Number.NaN, { green: 90, yellow: 70, orange: 50 }));
  });

  it('leaves the urban communities lights as they were', () => {
    const urban = rows().filter((r) => !r.rural);
    expect(urban.length).to.be.above(0);
    for (const r of urban) expect(r.after).to.equal(r.before);
  });

  it('stores which override applied to each row and how many units it reached per period', () => {
    const all = rows();
    for (const r of all) expect(r.applied).to.equal(r.rural ? 0 : null);
    const ruralUnits = fitted.register.filter((u) => u.attributes.urban_rural === 'rural');
    const villages = ruralUnits.filter((u) => u.level === 'community');
    expect(villages.length).to.be.below(ruralUnits.length);
    const override = fitted.targets?.overrides[0];
    expect(override?.justification.zh).to.include('70%');
    // Rural villages and, above them, rural townships and districts (their rolled-up values read the same way).
    expect(override?.units).to.deep.equal(fitted.periods.map(() => ruralUnits.length));
    expect(plain.targets).to.equal(undefined);
  });

  it('lists the override on the methodology page and notes it beside a rural village light', () => {
    const context = buildReportContext(variantEvaluation, fitted);
    const [listed] = methodologyPage(context, 'zh').targetOverrides;
    expect(listed?.condition).to.equal('乡村');
    expect(listed?.thresholds).to.equal('70 / 50 / 30');
    expect(listed?.goalposts).to.equal('20 – 70');
    expect(listed?.justification).to.include('村民居住分散');
    const rural = fitted.register.find(
      (u) => u.level === 'community' && u.attributes.urban_rural === 'rural',
    );
    const unit = fitted.units.indexOf(rural?.code ?? '');
    const period = fitted.periods.length - 1;
    const rows = indicatorTable(context, period, unit, 'zh').flatMap((g) => g.rows);
    const online = rows.find((r) => r.id === INDICATOR);
    expect(online?.targetNote).to.equal('按乡村目标：70 / 50 / 30');
    expect(online?.note).to.include('村民居住分散');
    expect(rows.find((r) => r.id === 'grid_household_coverage')?.targetNote).to.equal(null);
    const english = indicatorTable(context, period, unit, 'en').flatMap((g) => g.rows);
    expect(english.find((r) => r.id === INDICATOR)?.targetNote).to.equal('By the rural target: 70 / 50 / 30');
  });
});
