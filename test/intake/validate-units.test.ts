import { expect } from 'chai';
import { readTable } from '../../server/intake/read-table.js';
import { checkUnits } from '../../server/intake/validate-units.js';
import type { UnitLevel } from '../../server/store/models/unit.js';

async function check(csv: string, existing: [string, UnitLevel][] = []) {
  const table = await readTable({ fileName: 'units.csv', bytes: Buffer.from(csv, 'utf8') });
  return checkUnits({ table, existing: new Map(existing) });
}

describe('checkUnits', () => {
  it('reads a Chinese register: levels, parents and attributes', async () => {
    const csv = [
      '单位代码,名称,英文名称,层级,上级代码,城乡,常住人口,户数,面积,老旧小区占比,同类组,has_market',
      '420102,江岸区,Jiang’an District,区,420100,城镇,960000,,80.3,,,',
      '420102001,大智街道,,街道,420102,,,,,,,',
      '420102001001,车站社区,Chezhan,社区,420102001,城镇,8200,3100,0.8,35%,old_town,1',
    ].join('\n');
    const { units, report } = await check(csv, [['420100', 'city']]);
    expect(report.issues).to.deep.equal([]);
    expect(units).to.deep.equal([
      {
        code: '420102',
        name: { zh: '江岸区', en: 'Jiang’an District' },
        level: 'district',
        parent: '420100',
        attributes: { urban_rural: 'urban', resident_population: 960000, area_km2: 80.3 },
      },
      {
        code: '420102001',
        name: { zh: '大智街道', en: '大智街道' },
        level: 'street',
        parent: '420102',
        attributes: {},
      },
      {
        code: '420102001001',
        name: { zh: '车站社区', en: 'Chezhan' },
        level: 'community',
        parent: '420102001',
        attributes: {
          urban_rural: 'urban',
          resident_population: 8200,
          households: 3100,
          area_km2: 0.8,
          old_compound_share: 0.35,
          peer_group: 'old_town',
          has_market: 1,
        },
      },
    ]);
  });

  it('reports unknown parents, parents below the child, bad levels and bad attributes', async () => {
    const csv = [
      'code,name_zh,level,parent,households,old_compound_share,urban_rural,备注',
      'S1,街道一,street,,,,,',
      'C1,社区一,community,S1,-5,,,',
      'C2,社区二,community,NOPE,,,,',
      'D1,区一,district,S1,,,,',
      'C3,社区三,province,S1,,35,,',
      'C4,=cmd,community,S1,,,城乡结合,',
      'C1,重复,community,S1,,,,',
    ].join('\n');
    const { units, report } = await check(csv);
    expect(report.issues.map((i) => [i.row, i.column?.letter ?? null, i.reason])).to.deep.equal([
      [1, 'H', 'unknown_column'],
      [3, 'E', 'negative_count'],
      [4, 'D', 'unknown_parent'],
      [5, 'D', 'invalid_value'],
      [6, 'C', 'invalid_value'],
      [6, 'F', 'above_maximum'],
      [7, 'B', 'formula_text'],
      [7, 'G', 'invalid_value'],
      [8, 'A', 'duplicate_row'],
    ]);
    expect(units.map((u) => u.code)).to.deep.equal(['S1']);
  });

  it('requires the code, name and level columns', async () => {
    const { report } = await check('code,parent\nA,\n');
    expect(report.issues.map((i) => i.expected)).to.deep.equal([
      'a name｜名称 column',
      'a level｜层级 column',
    ]);
  });
});
