/**
 * The unit register template: the header cells the importer reads, the register ordered from the
 * top of the tree, coded values as codes, extra attributes in columns of their own; and each form
 * read back by the real register check gives exactly the units it was made from.
 */
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import type { Unit } from '../../../server/domain/unit.js';
import { readTable } from '../../../server/intake/read-table.js';
import { registerCsv } from '../../../server/intake/register-template/register-csv.js';
import {
  REGISTER_ABOUT_SHEET,
  REGISTER_CODES_SHEET,
  REGISTER_COLUMNS_SHEET,
  REGISTER_DATA_SHEET,
  registerXlsx,
} from '../../../server/intake/register-template/register-xlsx.js';
import { checkUnits } from '../../../server/intake/validate-units.js';

const HEADER =
  'code｜单位代码,name_zh｜中文名称,name_en｜英文名称,level｜层级,parent｜上级代码,urban_rural｜城乡,' +
  'resident_population｜常住人口,households｜户数,area_km2｜面积（平方公里）,old_compound_share｜老旧小区占比,' +
  'peer_group｜同类组';

const REGISTER: readonly Unit[] = [
  {
    code: 'C2',
    name: { zh: '河口村', en: '河口村' },
    level: 'community',
    parent: 'S1',
    attributes: { urban_rural: 'rural', resident_population: 1800, peer_group: 'rural', grid_count: 3 },
  },
  {
    code: 'S1',
    name: { zh: '东街街道', en: 'Dongjie Street' },
    level: 'street',
    parent: 'D1',
    attributes: { peer_group: 'urban' },
  },
  {
    code: 'C1',
    name: { zh: '车站社区', en: 'Station Community' },
    level: 'community',
    parent: 'S1',
    attributes: {
      urban_rural: 'urban',
      resident_population: 9200,
      households: 3400,
      area_km2: 0.85,
      old_compound_share: 0.35,
      peer_group: 'urban_large',
      office: '站前路 1 号',
    },
  },
  {
    code: 'D1',
    name: { zh: '江岸区', en: 'Jiang’an District' },
    level: 'district',
    parent: null,
    attributes: {},
  },
];

async function readBack(fileName: string, bytes: Buffer): Promise<Unit[]> {
  const table = await readTable({ fileName, bytes });
  const { units, report } = await checkUnits({ table, existing: new Map() });
  expect(report.issues, JSON.stringify(report.issues)).to.deep.equal([]);
  return units;
}

const byCode = (units: readonly Unit[]): Unit[] => [...units].sort((a, b) => a.code.localeCompare(b.code));

describe('unit register template', () => {
  it('writes the header cells, then the register from the district down, coded values as codes', () => {
    expect(registerCsv(REGISTER).split('\r\n')).to.deep.equal([
      `\uFEFF${HEADER},grid_count,office`,
      'D1,江岸区,Jiang’an District,district,,,,,,,,,',
      'S1,东街街道,Dongjie Street,street,D1,,,,,,urban,,',
      'C1,车站社区,Station Community,community,S1,urban,9200,3400,0.85,0.35,urban_large,,站前路 1 号',
      'C2,河口村,河口村,community,S1,rural,1800,,,,rural,3,',
      '',
    ]);
  });

  it('writes only the header row for an empty register', () => {
    expect(registerCsv([])).to.equal(`\uFEFF${HEADER}\r\n`);
  });

  it('reads back from CSV as the same units, without a single issue', async () => {
    const units = await readBack('units.csv', Buffer.from(registerCsv(REGISTER), 'utf8'));
    expect(byCode(units)).to.deep.equal(byCode(REGISTER));
  });

  it('reads back from XLSX as the same units, without a single issue', async () => {
    const units = await readBack('units.xlsx', await registerXlsx(REGISTER));
    expect(byCode(units)).to.deep.equal(byCode(REGISTER));
  });

  it('explains every column, the codes and how to fill it on sheets after the data', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await registerXlsx(REGISTER)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).to.deep.equal([
      REGISTER_DATA_SHEET,
      REGISTER_COLUMNS_SHEET,
      REGISTER_CODES_SHEET,
      REGISTER_ABOUT_SHEET,
    ]);
    const columns = workbook.getWorksheet(REGISTER_COLUMNS_SHEET)!;
    const explained = columns.getColumn(1).values.slice(2);
    expect(explained).to.deep.equal([...HEADER.split(','), 'grid_count', 'office']);
    expect(columns.getRow(5).getCell(4).value).to.equal('是 yes');
    const codes = workbook.getWorksheet(REGISTER_CODES_SHEET)!;
    const rows = codes.getSheetValues().slice(2) as unknown[][];
    expect(rows.map((row) => row.slice(1, 4))).to.deep.include.members([
      ['level｜层级', 'street', '街道（乡镇）'],
      ['urban_rural｜城乡', 'rural', '农村'],
      ['peer_group｜同类组', 'urban_large', '城市大型社区'],
    ]);
  });
});
