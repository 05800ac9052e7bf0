import { expect } from 'chai';
import { generateDemoCity } from '../../server/demo/demo-city.js';
import { generateDemoSurvey } from '../../server/demo/demo-survey.js';

describe('the demo residents’ survey', () => {
  const city = generateDemoCity();
  const rows = generateDemoSurvey(city);
  const districtOf = (code: string): string => code.slice(0, 4);

  it('is the same survey every time', () => {
    expect(generateDemoSurvey(generateDemoCity())).to.deep.equal(rows);
  });

  it('interviews a few hundred residents per district and period', () => {
    for (const period of city.periods) {
      const counts = new Map<string, number>();
      for (const r of rows.filter((row) => row.period === period))
        counts.set(districtOf(r.unit), (counts.get(districtOf(r.unit)) ?? 0) + 1);
      expect(counts.size).to.equal(7);
      for (const count of counts.values()) expect(count).to.be.within(200, 700);
    }
  });

  it('leaves some sampled communities below the minimum sample of 30, and most communities unsampled', () => {
    const perCommunity = new Map<string, number>();
    for (const r of rows)
      perCommunity.set(`${r.unit} ${r.period}`, (perCommunity.get(`${r.unit} ${r.period}`) ?? 0) + 1);
    const small = [...perCommunity.values()].filter((n) => n < 30).length;
    expect(small).to.be.greaterThan(0);
    expect(small).to.be.lessThan(perCommunity.size / 2);
    expect(perCommunity.size).to.be.lessThan(3000 / 4);
  });

  it('answers on the five-level scales with positive weights, and a few skip the sense-of-gain item', () => {
    const off = rows.filter(
      (r) => !(r.weight > 0) || Object.values(r.answers).some((v) => ![1, 2, 3, 4, 5].includes(v)),
    );
    expect(off).to.deep.equal([]);
    const skipped = rows.filter((r) => r.answers.sense_of_gain === undefined).length;
    expect(skipped / rows.length).to.be.within(0.01, 0.1);
  });

  it('follows the communities’ latent capacity: more capable communities are more satisfied', () => {
    const capacity = new Map((city.capacities ?? []).map((c) => [`${c.unit} ${c.period}`, c.capacity]));
    const pairs = rows.map(
      (r) => [capacity.get(`${r.unit} ${r.period}`) ?? 0, r.answers.satisfaction ?? 0] as const,
    );
    const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    const mx = mean(pairs.map((p) => p[0]));
    const my = mean(pairs.map((p) => p[1]));
    const cov = mean(pairs.map(([x, y]) => (x - mx) * (y - my)));
    const sx = Math.sqrt(mean(pairs.map(([x]) => (x - mx) ** 2)));
    const sy = Math.sqrt(mean(pairs.map(([, y]) => (y - my) ** 2)));
    // Correlated, but far from perfectly: residents disagree with the data in places.
    expect(cov / (sx * sy)).to.be.within(0.3, 0.9);
  });
});
