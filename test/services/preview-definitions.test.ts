/**
 * The impact preview against hand-worked numbers. Four communities report a = 0, 1, 2, 3 and
 * b = 2, 0, 3, 1; min-max gives x = 0, 33.3, 66.7, 100 and y = 66.7, 0, 100, 33.3.
 * Stored evaluation (weights x 1, y 1): scores 33.3, 16.7, 83.3, 66.7 → ranks 3, 4, 1, 2.
 * Draft (x 1, y 4, so 0.2 and 0.8): 53.3, 6.7, 93.3, 46.7 → ranks 2, 4, 1, 3.
 * Shifts (stored − draft): +1, 0, 0, −1; Spearman ρ = 1 − 6·2 / (4·15) = 0.8; Kendall τ: of the six
 * pairs only (C1, C4) turns around, τ = (5 − 1) / 6 = 2/3.
 * The draft also adds dimension e with indicator z on variable c, which nobody reports.
 */
import { expect } from 'chai';
import { runEvaluation } from '../../server/evaluation/run-evaluation.js';
import type { Actor } from '../../server/services/actor.js';
import { createDefinitionDraft, saveDefinitionDraft } from '../../server/services/definition-drafts.js';
import { previewDefinitions } from '../../server/services/preview-definitions.js';
import { createServices, type Services } from '../../server/services/services.js';
import { importObservations, importUnits, unit } from '../contract/contract-helpers.js';
import { tempEmbeddedStore } from '../support/temp-store.js';
import { tinyCatalogue, tinyFramework, tinyIndicator } from './tiny-catalogue.js';

const researcher: Actor = { name: 'qian', role: 'researcher', userId: null };
const codes = ['C1', 'C2', 'C3', 'C4'];

describe('previewing the impact of a definition draft (use case)', () => {
  let temp: Awaited<ReturnType<typeof tempEmbeddedStore>>;
  let services: Services;
  let evaluationId: string;
  let draftId: string;

  before(async () => {
    temp = await tempEmbeddedStore();
    services = createServices(temp.store, await tinyCatalogue(temp.store));
    const registry = services.registry;
    await importUnits(temp.store, [
      unit('D', 'district', null),
      ...codes.map((code) => unit(code, 'community', 'D', { resident_population: 100 })),
    ]);
    const a = [0, 1, 2, 3];
    const b = [2, 0, 3, 1];
    await importObservations(
      temp.store,
      '2025',
      codes.map((code, i) => ({ unit: code, period: '2025', values: { a: a[i] ?? 0, b: b[i] ?? 0 } })),
    );
    const evaluation = await runEvaluation(temp.store, registry, {
      frameworkId: 'tiny',
      periods: ['2025'],
      actor: 'zhao',
    });
    evaluationId = evaluation.id;
    const draft = await createDefinitionDraft(services, researcher, { title: '加权与新维度' });
    draftId = draft.id;
    await saveDefinitionDraft(services, researcher, draftId, {
      changes: [
        {
          file: 'e/dimension.json',
          text: JSON.stringify({
            kind: 'dimension',
            id: 'e',
            name: { zh: '新维度', en: 'E' },
            description: { zh: '无人报告。', en: 'Nobody reports it.' },
            weight: 1,
          }),
        },
        { file: 'e/z.json', text: JSON.stringify(tinyIndicator('e', 'z', 'c')) },
        {
          file: 'frameworks/tiny.json',
          text: JSON.stringify(
            tinyFramework(
              '1.1.0',
              [
                { id: 'd', weight: 1 },
                { id: 'e', weight: 1 },
              ],
              [
                { id: 'x', weight: 1 },
                { id: 'y', weight: 4 },
                { id: 'z', weight: 1 },
              ],
            ),
          ),
        },
      ],
    });
  });
  after(async () => {
    await temp.dispose();
  });

  it('compares every community’s rank with the stored ranking: ρ = 0.8, τ = 2/3', async () => {
    const preview = await previewDefinitions(services, researcher, {
      draftId,
      frameworkId: 'tiny',
      evaluationId,
    });
    expect(preview.codes).to.deep.equal(codes);
    expect([preview.versionBefore, preview.versionAfter]).to.deep.equal(['1.0.0', '1.1.0']);
    const agreement = preview.comparison.agreement[0];
    expect(agreement?.n).to.equal(4);
    expect(agreement?.spearman).to.be.closeTo(0.8, 1e-12);
    expect(agreement?.kendall).to.be.closeTo(2 / 3, 1e-12);
    expect(Array.from(preview.comparison.shifts[0]?.rankShifts ?? [])).to.deep.equal([1, 0, 0, -1]);
    expect(preview.comparison.shifts[0]?.up).to.deep.equal([{ unit: 0, shift: 1 }]);
    expect(preview.comparison.shifts[0]?.down).to.deep.equal([{ unit: 3, shift: -1 }]);
  });

  it('counts the communities with data for each new variable: c, none of four', async () => {
    const preview = await previewDefinitions(services, researcher, {
      draftId,
      frameworkId: 'tiny',
      evaluationId,
    });
    expect(preview.coverage).to.deep.equal([{ name: 'c', unitsWithData: 0, unitCount: 4, share: 0 }]);
  });

  it('warns of the dimension and indicator without any data', async () => {
    const preview = await previewDefinitions(services, researcher, {
      draftId,
      frameworkId: 'tiny',
      evaluationId,
    });
    expect(preview.withoutData).to.deep.equal({ indicators: ['z'], dimensions: ['e'] });
  });

  it('counts the variables a community reports per period: 2 before, 3 after, c added', async () => {
    const preview = await previewDefinitions(services, researcher, {
      draftId,
      frameworkId: 'tiny',
      evaluationId,
    });
    expect(preview.burden).to.deep.equal({ before: 2, after: 3, added: ['c'], removed: [] });
  });
});
