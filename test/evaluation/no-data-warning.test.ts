/**
 * An evaluation whose framework has a dimension nobody reported data for records a warning in its
 * log (not a silent empty column), said in Chinese on the Chinese page.
 */
import { expect } from 'chai';
import { runEvaluation } from '../../server/evaluation/run-evaluation.js';
import { checkDefinitions } from '../../server/indicators/check-definitions.js';
import { logEntries } from '../../server/reports/context/log-entries.js';
import { buildReportContext } from '../../server/reports/context/report-context.js';
import { dataWarnings } from '../../server/reports/views/data-warnings.js';
import { logMessage } from '../../server/reports/views/log-message.js';
import { importObservations, importUnits, unit } from '../contract/contract-helpers.js';
import { TINY_FILES, tinyFramework, tinyIndicator } from '../services/tiny-catalogue.js';
import { tempEmbeddedStore } from '../support/temp-store.js';

describe('an evaluation with a dimension without any data', () => {
  it('logs a warning naming the dimension and its indicators, in both languages', async () => {
    const files = [
      ...TINY_FILES.filter((file) => file.file !== 'frameworks/tiny.json'),
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
              { id: 'y', weight: 1 },
              { id: 'z', weight: 1 },
            ],
          ),
        ),
      },
    ];
    const registry = checkDefinitions(files, 'tiny').registry;
    if (registry === undefined) throw new Error('the test catalogue has problems');
    const temp = await tempEmbeddedStore();
    try {
      await importUnits(temp.store, [
        unit('D', 'district', null),
        unit('C1', 'community', 'D'),
        unit('C2', 'community', 'D'),
      ]);
      await importObservations(temp.store, '2025', [
        { unit: 'C1', period: '2025', values: { a: 1, b: 2 } },
        { unit: 'C2', period: '2025', values: { a: 2, b: 1 } },
      ]);
      const evaluation = await runEvaluation(temp.store, registry, {
        frameworkId: 'tiny',
        periods: ['2025'],
        actor: 't',
      });
      const stored = (await temp.store.evaluations.readResults(evaluation.id)) as { log: unknown };
      const warnings = logEntries(stored.log).filter(
        (entry) => entry.node === 'e' && entry.stage === 'diagnostics',
      );
      expect(warnings.map((entry) => [entry.message, entry.data])).to.deep.equal([
        ['no data at all for dimension "e": its score is missing for every unit', { indicators: ['z'] }],
      ]);
      const [warning] = warnings;
      if (warning === undefined) throw new Error('no warning');
      expect(logMessage(warning, 'zh')).to.equal('维度“e”完全没有数据：所有单位在该维度上都没有得分');
      // The evaluation's page names the dimension as its snapshot does.
      const context = buildReportContext(evaluation, stored);
      expect(dataWarnings(context, 'zh')).to.deep.equal([
        '维度“新维度”完全没有数据：所有单位在该维度上都没有得分',
      ]);
      expect(dataWarnings(context, 'en')).to.deep.equal([
        'no data at all for dimension “E”: its score is missing for every unit',
      ]);
    } finally {
      await temp.dispose();
    }
  });
});
