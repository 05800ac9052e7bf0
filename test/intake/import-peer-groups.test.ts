import { expect } from 'chai';
import { importUnitsFile } from '../../server/services/import-units-file.js';
import type { EmbeddedStore } from '../../server/store/embedded/embedded-store.js';
import { tempEmbeddedStore } from '../support/temp-store.js';

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

/** The demo's way of writing peer groups: their codes. */
const DEMO_REGISTER = [
  'code,name_zh,level,parent,peer_group',
  'D1,江岸区,district,,',
  'S1,大智街道,street,D1,urban',
  'C1,车站社区,community,S1,urban_large',
  'C2,球场社区,community,S1,urban_large',
].join('\n');

/** A unit register as a district office fills it in: Chinese headers and labels. */
const OFFICE_REGISTER = [
  '单位代码,名称,层级,上级代码,同类组',
  'C3,新村社区,社区,S1,城市大型社区',
  'C4,花园社区,社区,S1,Large urban communities',
].join('\n');

describe('importing peer groups given by their labels', function () {
  this.timeout(30_000);
  let store: EmbeddedStore;
  let dispose: () => Promise<void>;

  beforeEach(async () => {
    ({ store, dispose } = await tempEmbeddedStore());
    const demo = await importUnitsFile(
      store,
      { fileName: 'demo.csv', bytes: utf8(DEMO_REGISTER) },
      { actor: 'tester' },
    );
    expect(demo.outcome).to.equal('committed');
  });

  afterEach(async () => {
    await dispose();
  });

  it('puts communities whose 同类组 says 城市大型社区 into the demo’s urban_large group, no new group', async () => {
    const result = await importUnitsFile(
      store,
      { fileName: '名册.csv', bytes: utf8(OFFICE_REGISTER) },
      { actor: 'tester' },
    );
    expect(result.outcome).to.equal('committed');
    expect(result.report?.warnings).to.equal(0);
    const communities = await store.units.list({ level: 'community' });
    const groups = new Set(communities.map((unit) => unit.attributes.peer_group));
    expect([...groups]).to.deep.equal(['urban_large']);
    expect(communities).to.have.length(4);
  });

  it('imports a community with an unknown peer group but says so in the report', async () => {
    const register = ['单位代码,名称,层级,上级代码,同类组', 'C5,老街社区,社区,S1,城市大型'].join('\n');
    const result = await importUnitsFile(
      store,
      { fileName: '名册.csv', bytes: utf8(register) },
      { actor: 'tester' },
    );
    expect(result.outcome).to.equal('committed');
    expect(result.report?.warnings).to.equal(1);
    expect(result.report?.issues[0]).to.include({ row: 2, value: '城市大型', severity: 'warning' });
    expect(result.report?.issues[0]?.expected).to.include(
      'urban_large (城市大型社区, Large urban communities)',
    );
    const stored = await store.imports.report(result.batch.id);
    expect(stored?.warnings).to.equal(1);
  });
});
