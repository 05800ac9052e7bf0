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
      '420102001001,车站社区,Chezhan,社区,420102001,城镇,8200,3100,0.8,35%,城市大型社区,1',
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
          peer_group: 'urban_large',
          has_market: 1,
        },
      },
    ]);
  });

  it('stores a peer group given by its code, Chinese label or English label as its code', async () => {
    const csv = [
      'code,name_zh,level,peer_group',
      'A,甲社区,community,urban_large',
      'B,乙社区,community,城市大型社区',
      'C,丙社区,community,large urban communities',
      'D,丁社区,community, 城市小型社区 ',
      'E,戊村,community,农村',
    ].join('\n');
    const { units, report } = await check(csv);
    expect(report.issues).to.deep.equal([]);
    expect(units.map((unit) => unit.attributes.peer_group)).to.deep.equal([
      'urban_large',
      'urban_large',
      'urban_large',
      'urban_small',
      'rural',
    ]);
  });

  it('warns about an unknown peer group, naming the value, the row and the known groups', async () => {
    const csv = [
      'code,name_zh,level,同类组',
      'A,甲社区,community,城市大型社区',
      'B,乙社区,community,老城区',
    ].join('\n');
    const { units, report } = await check(csv);
    expect(report.errors).to.equal(0);
    expect(report.warnings).to.equal(1);
    const [warning] = report.issues;
    expect(warning).to.include({ row: 3, value: '老城区', reason: 'invalid_value', severity: 'warning' });
    expect(warning?.column).to.deep.equal({ letter: 'D', header: '同类组' });
    for (const known of ['urban_large', '城市大型社区', 'Large urban communities', 'urban_small', 'rural']) {
      expect(warning?.expected).to.include(known);
    }
    expect(warning?.expected)
      .to.match(/新的同类组/u)
      .and.match(/new peer group/);
    expect(units.map((unit) => unit.attributes.peer_group)).to.deep.equal(['urban_large', '老城区']);
  });

  it('reads levels and urban/rural from their English labels too', async () => {
    const csv = [
      'code,name_zh,level,urban_rural',
      'A,甲街道,Street or township,Urban',
      'B,乙村,社区（村）,农村',
    ].join('\n');
    const { units, report } = await check(csv);
    expect(report.issues).to.deep.equal([]);
    expect(units.map((unit) => [unit.level, unit.attributes.urban_rural])).to.deep.equal([
      ['street', 'urban'],
      ['community', 'rural'],
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
