/**
 * A self-evaluation's figures against the hand-worked numbers of self-fixture.ts: goalposts scores,
 * changes against the period before, lights, trends, distances to target and green, the weakest
 * dimension and the indicators whose lift to target raises the index most. None of them moves
 * when another community's data change, because none is read.
 */
import { expect } from 'chai';
import { actorOfPrincipal } from '../../server/services/actor.js';
import { runOwnSelfEvaluation } from '../../server/services/self-evaluations.js';
import type { SelfEvaluation } from '../../server/domain/self-evaluation.js';
import { importObservations } from '../contract/contract-helpers.js';
import { FRAMEWORK, selfWorld, type SelfWorld } from './self-fixture.js';

describe('self-evaluation figures (hand-worked)', () => {
  let world: SelfWorld;
  let mine: SelfEvaluation;

  before(async () => {
    world = await selfWorld();
    const actor = actorOfPrincipal({ user: world.users.c1 } as never);
    mine = await runOwnSelfEvaluation(world, actor, { framework: FRAMEWORK, periods: ['2025', '2024'] });
  });
  after(async () => {
    await world.dispose();
  });

  const node = (id: string) => mine.standing.nodes.find((n) => n.id === id)!;
  const indicator = (id: string) => mine.standing.indicators.find((i) => i.id === id)!;
  const close = (actual: readonly (number | null)[], expected: readonly (number | null)[]) => {
    expect(actual.length).to.equal(expected.length);
    actual.forEach((v, k) => {
      const e = expected[k];
      if (e === null || e === undefined) expect(v).to.equal(null);
      else expect(v).to.be.closeTo(e, 1e-9);
    });
  };

  it('orders the chosen periods chronologically and evaluates its own community', () => {
    expect(mine.periods).to.deep.equal(['2024', '2025']);
    expect(mine.unit).to.equal('c1');
    expect(mine.methods).to.deep.include({ normalisation: { method: 'goalposts', range: [0, 100] } });
  });

  it('scores each indicator between its goalposts', () => {
    close(indicator('grid_coverage').normalised, [20, 50]);
    close(indicator('workers_per_1k').normalised, [50, 50]);
    close(indicator('resolution_rate').normalised, [20, 80]);
    close(indicator('response_days').normalised, [50, 75]);
  });

  it('scores dimensions and the index with the framework weights', () => {
    close(node('reach').score, [30, 50]);
    close(node('voice').score, [35, 77.5]);
    close(node('index').score, [32, 61]);
  });

  it('gives the change against the period before', () => {
    close(node('index').change, [null, 29]);
    close(node('voice').change, [null, 42.5]);
    close(indicator('grid_coverage').change, [null, 15]);
    close(indicator('response_days').change, [null, -3]);
  });

  it('reads the traffic lights from the thresholds in each direction', () => {
    expect(indicator('grid_coverage').light).to.deep.equal(['red', 'orange']);
    expect(indicator('workers_per_1k').light).to.deep.equal(['orange', 'orange']);
    expect(indicator('resolution_rate').light).to.deep.equal(['red', 'yellow']);
    expect(indicator('response_days').light).to.deep.equal(['orange', 'yellow']);
  });

  it('judges the trend against the pace needed to reach the target in five periods', () => {
    // grid: +15 against (100 − 60)/5 = 8 needed; workers: no change; days: 3 better against 1.2 needed.
    expect(indicator('grid_coverage').trend).to.deep.equal(['none', 'on_track']);
    expect(indicator('workers_per_1k').trend).to.deep.equal(['none', 'stagnating']);
    expect(indicator('response_days').trend).to.deep.equal(['none', 'on_track']);
  });

  it('measures the distance to target and to green in the indicator direction', () => {
    close(indicator('grid_coverage').toTarget, [40, 25]);
    close(indicator('workers_per_1k').toTarget, [0.65, 0.65]);
    close(indicator('resolution_rate').toGreen, [28, 7]);
    close(indicator('response_days').toTarget, [6, 3]);
    close(indicator('response_days').target, [3, 3]);
  });

  it('names the weakest dimension of each period', () => {
    expect(mine.standing.weakestDimension).to.deep.equal(['reach', 'reach']);
  });

  it('ranks the indicators by how much reaching their target would lift the index', () => {
    // grid to 100: reach 83⅓ → index 81 (+20); workers: reach 66⅔ → 71 (+10); days: voice 90 → 66 (+5);
    // resolution: voice 87.5 → 65 (+4).
    expect(mine.standing.improvementPeriod).to.equal('2025');
    expect(mine.standing.improvements.map((o) => o.indicator)).to.deep.equal([
      'grid_coverage',
      'workers_per_1k',
      'response_days',
      'resolution_rate',
    ]);
    close(
      mine.standing.improvements.map((o) => o.scoreGain),
      [20, 10, 5, 4],
    );
    close(
      mine.standing.improvements.map((o) => o.newScore),
      [81, 71, 66, 65],
    );
  });

  it("gives the same figures after another community's data change", async () => {
    await importObservations(world.store, '2025', [
      {
        unit: 'c2',
        period: '2025',
        values: { households_in_grids: 99, households: 100, median_resolution_days: 2 },
      },
    ]);
    const actor = actorOfPrincipal({ user: world.users.c1 } as never);
    const again = await runOwnSelfEvaluation(world, actor, {
      framework: FRAMEWORK,
      periods: ['2024', '2025'],
    });
    expect(again.standing).to.deep.equal(mine.standing);
  });
});
