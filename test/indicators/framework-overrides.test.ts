import { expect } from 'chai';
import { checkFolder } from '../../server/indicators/load-registry.js';
import { RURAL_FRAMEWORK, RURAL_OVERRIDE, withRuralTargets } from '../evaluation/rural-targets-framework.js';
import type { TempFolder } from './temp-folder.js';

const FILE = 'frameworks/default_rural_targets.json';

describe('framework target overrides (targets that fit) in the registry', function () {
  this.timeout(30_000);
  let folder: TempFolder;
  beforeEach(async () => {
    folder = await withRuralTargets();
  });
  afterEach(async () => {
    await folder.remove();
  });

  async function problemsWith(override: unknown): Promise<{ pointer: string; message: string }[]> {
    const framework = await folder.readJson(FILE);
    await folder.writeJson(FILE, { ...framework, overrides: [override] });
    const { problems } = await checkFolder(folder.dir);
    return problems.filter((p) => p.file === FILE).map(({ pointer, message }) => ({ pointer, message }));
  }

  it('loads a framework whose override fits and keeps it in the definition', async () => {
    const { problems, registry } = await checkFolder(folder.dir);
    expect(problems).to.deep.equal([]);
    expect(registry?.resolveFramework(RURAL_FRAMEWORK).definition.overrides?.[0]?.indicator).to.equal(
      'online_service_rate',
    );
  });

  it('refuses an override of an indicator outside the framework', async () => {
    expect(await problemsWith({ ...RURAL_OVERRIDE, indicator: 'Forest' })).to.deep.equal([
      { pointer: '/overrides/0/indicator', message: 'override of an indicator outside the framework' },
    ]);
  });

  it('refuses thresholds out of order for a higher-is-better indicator', async () => {
    const thresholds = { green: 70, yellow: 80, orange: 30 };
    expect(await problemsWith({ ...RURAL_OVERRIDE, thresholds })).to.deep.equal([
      {
        pointer: '/overrides/0/thresholds/yellow',
        message: 'thresholds out of order for a "higher is better" indicator',
      },
    ]);
  });

  it('refuses equal goalposts', async () => {
    expect(await problemsWith({ ...RURAL_OVERRIDE, goalposts: { floor: 50, target: 50 } })).to.deep.equal([
      { pointer: '/overrides/0/goalposts/target', message: 'goalposts are equal' },
    ]);
  });

  it('refuses a blank justification', async () => {
    const justification = { zh: '   ', en: RURAL_OVERRIDE.justification.en };
    expect(await problemsWith({ ...RURAL_OVERRIDE, justification })).to.deep.equal([
      { pointer: '/overrides/0/justification/zh', message: 'override without a justification' },
    ]);
  });

  it('refuses an override that replaces neither goalposts nor thresholds', async () => {
    const nothing = {
      indicator: RURAL_OVERRIDE.indicator,
      when: RURAL_OVERRIDE.when,
      justification: RURAL_OVERRIDE.justification,
    };
    expect(await problemsWith(nothing)).to.deep.equal([
      { pointer: '/overrides/0', message: 'override that replaces nothing' },
    ]);
  });

  it('refuses an override without a justification or without any condition', async () => {
    const unjustified = { ...RURAL_OVERRIDE, justification: undefined };
    const missing = await problemsWith(unjustified);
    expect(missing.map((p) => p.pointer)).to.include('/overrides/0/justification');
    const always = await problemsWith({ ...RURAL_OVERRIDE, when: {} });
    expect(always.map((p) => p.pointer)).to.include('/overrides/0/when');
  });
});
