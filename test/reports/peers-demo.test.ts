import { expect } from 'chai';
import { runEvaluation } from '../../server/evaluation/run-evaluation.js';
import { storedChoices } from '../../server/evaluation/stored-choices.js';
import type { PeersDocument } from '../../server/evaluation/peers-document.js';
import type { Evaluation } from '../../server/store/models/evaluation.js';
import { demoApp, type DemoApp } from './demo-app.js';

describe('statistical peer groups on the demo city', function () {
  this.timeout(120_000);
  let app: DemoApp;
  let variant: Evaluation;
  let peers: PeersDocument;
  let units: string[];

  before(async () => {
    app = await demoApp();
    variant = await runEvaluation(app.store, app.deps.registry, {
      frameworkId: app.demo.framework.id,
      periods: app.demo.periods,
      actor: 'admin',
      methods: { ...storedChoices(app.demo.methods), peers: { method: 'nearest', k: 10 } },
    });
    const results = (await app.store.evaluations.readResults(variant.id)) as unknown as {
      peers: PeersDocument;
      units: string[];
    };
    peers = results.peers;
    units = results.units;
  });
  after(async () => app.close());

  it('gives every community 10 neighbours, none of them itself, nearest first', () => {
    expect(peers.k).to.equal(10);
    expect(units.length).to.be.greaterThan(100);
    units.forEach((_, u) => {
      const own = peers.neighbours.slice(u * 10, u * 10 + 10);
      expect(
        own.every((n) => n >= 0 && n !== u),
        units[u],
      ).to.equal(true);
      const distances = peers.distances.slice(u * 10, u * 10 + 10).map((d) => d ?? Number.NaN);
      for (let j = 1; j < 10; j++) expect(distances[j]).to.be.at.least(distances[j - 1] ?? Infinity);
    });
    expect(peers.missing.every((m) => m === null)).to.equal(true);
  });

  it('matches on the structural attributes every demo community carries and stores the choice for new versions', () => {
    // The villages have no old-compound share, so it is left out by default.
    expect(peers.attributes).to.deep.equal(['resident_population', 'urban_rural', 'area_km2']);
    expect(storedChoices(variant.methods).peers).to.deep.equal({
      method: 'nearest',
      k: 10,
      attributes: ['resident_population', 'urban_rural', 'area_km2'],
    });
  });

  it('shows the definition and the linked neighbours on a community page', async () => {
    const code = units[0] ?? '';
    const page = await (
      await fetch(`${app.url}/evaluations/${variant.id}/units/${code}`, {
        headers: { cookie: app.admin.cookie },
      })
    ).text();
    expect(page).to.contain('同类：10 个结构最相近的社区（常住人口、城乡、面积）');
    const first = units[peers.neighbours[0] ?? -1] ?? 'none';
    expect(page).to.contain(`/evaluations/${variant.id}/units/${first}`);
    expect(/<table id="peer-neighbours">[\s\S]*?<\/table>/.exec(page)?.[0].match(/<tr>/g)).to.have.length(11);
  });

  it('keeps the register peer group on the published demo evaluation', async () => {
    const code = units[0] ?? '';
    const page = await (
      await fetch(`${app.url}/evaluations/${app.demo.id}/units/${code}`, {
        headers: { cookie: app.admin.cookie },
      })
    ).text();
    expect(page).to.contain('同类组：');
    expect(page).not.to.contain('peer-neighbours');
  });

  it('refuses an attribute the register lacks, naming the field', async () => {
    let error: unknown;
    try {
      await runEvaluation(app.store, app.deps.registry, {
        frameworkId: app.demo.framework.id,
        periods: app.demo.periods,
        actor: 'admin',
        methods: { peers: { method: 'nearest', attributes: ['floor_space'] } },
      });
    } catch (caught) {
      error = caught;
    }
    expect(String(error)).to.match(/methods\.peers\.attributes/);
  });
});
