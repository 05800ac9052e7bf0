import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { loadRegistry } from '../../../server/indicators/load-registry.js';
import type { ResolvedFramework } from '../../../server/indicators/registry-types.js';
import { templateCsv } from '../../../server/indicators/template/template-csv.js';
import { HEADER_SEPARATOR, variableFromHeader } from '../../../server/indicators/template/template-header.js';
import {
  DATA_FIRST_ROW,
  DATA_SHEET,
  VARIABLES_SHEET,
  templateXlsx,
} from '../../../server/indicators/template/template-xlsx.js';
import { goodDir } from '../fixture-paths.js';
import { HOSTILE_CELLS, expectInertCsv } from '../../support/csv-injection.js';

function rowValues(sheet: ExcelJS.Worksheet, row: number): unknown[] {
  return (sheet.getRow(row).values as unknown[]).slice(1);
}

describe('data templates', () => {
  let framework: ResolvedFramework;

  before(async () => {
    framework = (await loadRegistry(goodDir)).resolveFramework('small');
  });

  describe('header cells', () => {
    it('map back to the variable name: the text before ｜ (U+FF5C)', () => {
      expect(HEADER_SEPARATOR).to.equal('\uFF5C');
      expect(variableFromHeader('households｜常住户数（户）')).to.equal('households');
      expect(variableFromHeader('\uFEFFunit_code｜单位代码')).to.equal('unit_code');
      expect(variableFromHeader(' households ')).to.equal('households');
    });
  });

  describe('CSV', () => {
    it('keeps a variable label with a lone CR or LF inside one quoted header cell', () => {
      const [first, ...others] = framework.variables;
      const label = { zh: HOSTILE_CELLS[0]!, en: HOSTILE_CELLS[1]! };
      const hostile = { ...framework, variables: [{ ...first!, label }, ...others] };
      const [header] = expectInertCsv(templateCsv(hostile), 1);
      expect(header).to.have.length(2 + framework.variables.length);
      expect(header![2]).to.contain(HOSTILE_CELLS[0]);
    });

    it('starts with a byte-order mark so that Excel reads the Chinese headers', () => {
      expect(templateCsv(framework).charCodeAt(0)).to.equal(0xfeff);
    });

    it('has one bilingual header row: unit_code, period, then every variable in framework order', () => {
      const csv = templateCsv(framework);
      expect(csv.endsWith('\r\n')).to.be.true;
      const header = csv.slice(1, -2).split(',');
      expect(header.slice(0, 4)).to.deep.equal([
        'unit_code｜单位代码',
        'period｜时期',
        'households_in_grids｜纳入网格的户数（户）',
        'households｜常住户数（户）',
      ]);
      expect(header.map(variableFromHeader)).to.deep.equal([
        'unit_code',
        'period',
        ...framework.variables.map((v) => v.name),
      ]);
    });
  });

  describe('XLSX', () => {
    let workbook: ExcelJS.Workbook;

    before(async () => {
      workbook = new ExcelJS.Workbook();
      const bytes = await templateXlsx(framework);
      await workbook.xlsx.load(new Uint8Array(bytes).buffer);
    });

    it('has a data sheet whose first row matches the CSV header, then English names and ranges', () => {
      const sheet = workbook.getWorksheet(DATA_SHEET)!;
      const csvHeader = templateCsv(framework).slice(1, -2).split(',');
      expect(rowValues(sheet, 1)).to.deep.equal(csvHeader);
      expect(rowValues(sheet, 2).slice(2, 4)).to.deep.equal([
        'Households in a grid (households)',
        'Resident households (households)',
      ]);
      expect(rowValues(sheet, 3)[2]).to.equal('整数，≥ 0 / integer, ≥ 0');
      expect(DATA_FIRST_ROW).to.equal(4);
    });

    it('validates data cells against the declared type and bounds', () => {
      const sheet = workbook.getWorksheet(DATA_SHEET)!;
      expect(sheet.getCell(`C${DATA_FIRST_ROW}`).dataValidation).to.deep.include({
        type: 'whole',
        operator: 'greaterThanOrEqual',
        formulae: [0],
      });
      const daysColumn = 2 + framework.variables.findIndex((v) => v.name === 'median_resolution_days') + 1;
      expect(sheet.getCell(DATA_FIRST_ROW + 10, daysColumn).dataValidation).to.deep.include({
        type: 'decimal',
      });
    });

    it('documents every variable: names, unit, type, range and the indicators using it', () => {
      const sheet = workbook.getWorksheet(VARIABLES_SHEET)!;
      expect(sheet.rowCount).to.equal(1 + 2 + framework.variables.length);
      const households = rowValues(sheet, 5);
      expect(households).to.deep.equal([
        'households',
        '常住户数',
        'Resident households',
        '户 / households',
        '整数 integer',
        '≥ 0',
        'grid_coverage 网格覆盖户数比例',
      ]);
    });
  });
});
