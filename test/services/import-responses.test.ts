/**
 * The survey responses import: one row per respondent with only the columns the framework's
 * survey indicators declare; off-scale answers, weights ≤ 0 and any other column (personal data)
 * refuse the whole file with a report naming row and column; GB18030 and XLSX files are read.
 */
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { ForbiddenError, ValidationError } from '../../server/errors.js';
import { loadRegistry } from '../../server/indicators/load-registry.js';
import type { ResolvedSurvey } from '../../server/indicators/registry-types.js';
import { indicatorsDir } from '../../server/paths.js';
import type { Actor } from '../../server/services/actor.js';
import { importResponses } from '../../server/services/import-responses.js';
import { importUnits } from '../../server/services/import-units.js';
import { tempEmbeddedStore } from '../support/temp-store.js';

const evaluator: Actor = { name: 'zhao', role: 'evaluator', userId: null };

describe('import survey responses (use case)', () => {
  let temp: Awaited<ReturnType<typeof tempEmbeddedStore>>;
  let surveys: readonly ResolvedSurvey[];
  before(async () => {
    surveys = (await loadRegistry(indicatorsDir)).resolveFramework('default').surveys;
    temp = await tempEmbeddedStore();
    await importUnits(temp, evaluator, {
      file: {
        fileName: 'units.csv',
        bytes: Buffer.from('code,name,level,parent\r\nS,车站街道,street,\r\nA,车站社区,community,S\r\n'),
      },
    });
  });
  after(async () => {
    await temp.dispose();
  });

  const csv = (fileName: string, text: string) => ({ fileName, bytes: Buffer.from(text) });
  const run = (
    file: { fileName: string; bytes: Buffer },
    period: string | null = '2025',
    actor = evaluator,
  ) => importResponses(temp, actor, { file, surveys, framework: 'default', period });

  it('commits every respondent, with weights and answers given as values or labels', async () => {
    const result = await run(
      csv('survey.csv', 'unit_code,weight,satisfaction,sense_of_gain\nA,1.5,5,4\nA,,满意,\nA,0.5,1,很多\n'),
    );
    expect([result.outcome, result.batch.kind, result.batch.counts.stored]).to.deep.equal([
      'committed',
      'responses',
      3,
    ]);
    const stored = await temp.store.responses.current({ period: '2025' });
    expect(stored.map((r) => [r.answers, r.weight])).to.deep.equal([
      [{ satisfaction: 5, sense_of_gain: 4 }, 1.5],
      [{ satisfaction: 4 }, 1],
      [{ satisfaction: 1, sense_of_gain: 5 }, 0.5],
    ]);
    const [event] = await temp.store.audit.list({ action: 'import.commit', target: result.batch.id });
    expect(event!.detail).to.deep.include({ kind: 'responses', period: '2025' });
  });

  it('refuses a column no survey declares, naming it and saying personal data is not accepted', async () => {
    const result = await run(csv('names.csv', 'unit_code,姓名,phone,satisfaction\nA,王五,13800000000,5\n'));
    expect(result.outcome).to.equal('failed');
    const issues = result.report?.issues ?? [];
    expect(issues.map((i) => [i.row, i.column?.letter, i.column?.header, i.reason])).to.deep.equal([
      [1, 'B', '姓名', 'undeclared_column'],
      [1, 'C', 'phone', 'undeclared_column'],
    ]);
    expect(issues[0]?.expected)
      .to.match(/personal data is not accepted/)
      .and.to.match(/不接受个人信息/);
    expect(await temp.store.imports.storedRowCount(result.batch.id)).to.equal(0);
  });

  it('refuses a second column for the same thing and a file without unit codes or a period', async () => {
    const result = await run(csv('twice.csv', 'weight,satisfaction,权重,\n1,5,1,\n'), null);
    expect(result.outcome).to.equal('failed');
    const issues = result.report?.issues ?? [];
    expect(issues.map((i) => [i.row, i.column?.letter ?? null, i.reason, i.expected])).to.have.deep.members([
      [1, 'C', 'duplicate_column', 'one column only; column A is the same'],
      [1, null, 'missing_column', 'a unit_code｜单位代码 column'],
      [1, null, 'missing_column', 'a period｜时期 column, or a declared period'],
    ]);
    expect(await temp.store.imports.storedRowCount(result.batch.id)).to.equal(0);
  });

  it('refuses an answer off the scale with its row, column and the expected levels', async () => {
    const result = await run(csv('off.csv', 'unit_code,satisfaction\nA,5\nA,6\n'), '2026');
    expect(result.outcome).to.equal('failed');
    const [issue] = result.report?.issues ?? [];
    expect([issue?.row, issue?.column?.letter, issue?.value, issue?.reason]).to.deep.equal([
      3,
      'B',
      '6',
      'off_scale',
    ]);
    expect(issue?.expected).to.include('1 很不满意 very dissatisfied').and.include('5 很满意 very satisfied');
    expect(await temp.store.responses.current({ period: '2026' })).to.deep.equal([]);
  });

  it('refuses a weight of 0 or below and an unknown unit', async () => {
    const result = await run(
      csv('weights.csv', 'unit_code,weight,satisfaction\nA,0,5\nA,-1,4\nZ,1,3\n'),
      '2026',
    );
    expect(result.report?.issues.map((i) => [i.row, i.column?.letter, i.reason])).to.deep.equal([
      [2, 'B', 'invalid_weight'],
      [3, 'B', 'invalid_weight'],
      [4, 'A', 'unknown_unit'],
    ]);
  });

  it('reads a GB18030 file with a period column', async () => {
    const bytes = iconv.encode('单位代码,时期,satisfaction\nA,2027,很满意\nA,2027,一般\n', 'gb18030');
    const result = await run({ fileName: 'gb.csv', bytes }, null);
    expect([result.outcome, result.batch.periods]).to.deep.equal(['committed', ['2027']]);
    expect(
      (await temp.store.responses.current({ period: '2027' })).map((r) => r.answers.satisfaction),
    ).to.deep.equal([5, 3]);
  });

  it('reads an XLSX file', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('responses');
    sheet.addRow(['unit_code', 'satisfaction', 'sense_of_gain']);
    sheet.addRow(['A', 2, 3]);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const result = await run({ fileName: 'survey.xlsx', bytes }, '2028');
    expect(result.outcome).to.equal('committed');
    expect((await temp.store.responses.current({ period: '2028' }))[0]?.answers).to.deep.equal({
      satisfaction: 2,
      sense_of_gain: 3,
    });
  });

  it('refuses a researcher, who may not import', async () => {
    const researcher: Actor = { name: 'qian', role: 'researcher', userId: null };
    const error = await run(csv('r.csv', 'unit_code,satisfaction\nA,5\n'), '2029', researcher).catch(
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(ForbiddenError);
  });

  it('refuses a framework without survey indicators', async () => {
    const error = await importResponses(temp, evaluator, {
      file: csv('r.csv', 'unit_code,satisfaction\nA,5\n'),
      surveys: [],
      framework: 'asem',
      period: '2025',
    }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ValidationError);
    expect((error as Error).message).to.include('asem');
  });
});
