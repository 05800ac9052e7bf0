import { expect } from 'chai';
import { checkFolder, loadRegistry } from '../../server/indicators/load-registry.js';
import { indicatorsDir } from '../../server/paths.js';
import { copyFolder, type TempFolder } from './temp-folder.js';

const SHARE = 'surveys/satisfaction_share.json';
const GAIN = 'surveys/gain_share.json';

describe('survey indicators in the registry', function () {
  this.timeout(30_000);
  let folder: TempFolder;
  beforeEach(async () => {
    folder = await copyFolder(indicatorsDir);
  });
  afterEach(async () => {
    await folder.remove();
  });

  async function problemsAfter(file: string, change: (json: Record<string, unknown>) => unknown) {
    await folder.writeJson(file, change(await folder.readJson(file)));
    const { problems } = await checkFolder(folder.dir);
    return problems.map(({ file: f, pointer, message }) => ({ file: f, pointer, message }));
  }

  it('loads the catalogue’s survey indicators, hashed, and lists them in the default framework with minSample 30', async () => {
    const registry = await loadRegistry(indicatorsDir);
    expect(registry.surveys.get('satisfaction_share')?.hash).to.match(/^sha256:[0-9a-f]{64}$/);
    const framework = registry.resolveFramework('default');
    expect(framework.surveys.map((s) => [s.id, s.minSample])).to.deep.equal([
      ['satisfaction_share', 30],
      ['satisfaction_mean', 30],
      ['gain_share', 30],
    ]);
    // Reported beside the index: not one of its indicators.
    expect(framework.indicators.map((i) => i.id)).to.not.include('satisfaction_share');
  });

  it('gives a minSample of 30 when the definition leaves it out', async () => {
    await folder.writeJson(SHARE, { ...(await folder.readJson(SHARE)), minSample: undefined });
    const { registry } = await checkFolder(folder.dir);
    expect(registry?.resolveFramework('default').surveys[0]?.minSample).to.equal(30);
  });

  it('refuses a scale out of order', async () => {
    const problems = await problemsAfter(SHARE, (json) => ({
      ...json,
      scale: [...(json.scale as unknown[])].reverse(),
    }));
    expect(problems).to.deep.include({
      file: SHARE,
      pointer: '/scale/1/value',
      message: 'scale out of order',
    });
  });

  it('refuses a share level that is not on the scale, or is its lowest', async () => {
    for (const level of [9, 1]) {
      const problems = await problemsAfter(SHARE, (json) => ({
        ...json,
        statistic: { share_at_least: level },
      }));
      expect(problems).to.deep.include({
        file: SHARE,
        pointer: '/statistic/share_at_least',
        message: 'share level not on the scale',
      });
    }
  });

  it('refuses two survey indicators that read one item on different scales', async () => {
    const problems = await problemsAfter(GAIN, (json) => ({ ...json, item: 'satisfaction' }));
    expect(problems.map((p) => p.message)).to.include(
      'item declared with a different scale by another survey indicator',
    );
  });

  it('refuses an item named like a key column of the respondent file', async () => {
    const problems = await problemsAfter(GAIN, (json) => ({ ...json, item: 'weight' }));
    expect(problems).to.deep.include({
      file: GAIN,
      pointer: '/item',
      message: 'item clashes with a key column of the respondent file',
    });
  });

  it('refuses a framework listing an unknown survey indicator, or one twice', async () => {
    const problems = await problemsAfter('frameworks/default.json', (json) => ({
      ...json,
      surveys: ['satisfaction_share', 'satisfaction_share', 'grid_household_coverage'],
    }));
    expect(problems).to.deep.include.members([
      { file: 'frameworks/default.json', pointer: '/surveys/1', message: 'survey listed twice' },
      { file: 'frameworks/default.json', pointer: '/surveys/2', message: 'unknown survey indicator' },
    ]);
  });

  it('refuses a scale level without its bilingual label', async () => {
    const problems = await problemsAfter(SHARE, (json) => ({
      ...json,
      scale: [{ value: 1, label: 'name' }],
    }));
    expect(problems.some((p) => p.file === SHARE && p.pointer.startsWith('/scale'))).to.equal(true);
  });
});
