/**
 * The demo city's residents' survey: a two-stage sample per district and period, as a survey
 * office would draw it — about ten communities per district, then 20 to 70 residents in each (a
 * few hundred per district), so some sampled communities fall below the minimum sample of 30 and
 * the unsampled ones have none; streets and districts pool what their communities have. Design
 * weights are the inverse of the chance to be interviewed (community population / interviews),
 * scaled to average 1 in the district. Answers follow the community's latent capacity (the one
 * that drives its data), so satisfaction broadly tracks the index, plus a community-level twist
 * (residents may rate a well-run community low, and the reverse) and each resident's own view.
 * Its own seeded generator: the city's data do not change.
 *
 * @example const rows = generateDemoSurvey(generateDemoCity()); // ResponseRow[] over all periods
 */
import type { ResponseRow } from '../domain/response.js';
import type { DemoCity } from './demo-city.js';
import { seededRandom, type SeededRandom } from './seeded-random.js';

const SAMPLED_PER_DISTRICT = 10;
const MIN_INTERVIEWS = 20;
const MAX_INTERVIEWS = 70;

/** A five-level answer around `centre` with a resident's own spread. */
function answer(random: SeededRandom, centre: number): number {
  return Math.min(5, Math.max(1, Math.round(random.normal(centre, 0.9))));
}

/** `count` distinct positions out of `size`, in the order drawn. */
function sample(random: SeededRandom, size: number, count: number): number[] {
  const positions = Array.from({ length: size }, (_, i) => i);
  for (let i = 0; i < Math.min(count, size); i += 1) {
    const j = i + Math.floor(random.uniform() * (size - i));
    [positions[i], positions[j]] = [positions[j] ?? i, positions[i] ?? j];
  }
  return positions.slice(0, Math.min(count, size));
}

export function generateDemoSurvey(city: DemoCity, seed = 20251204): ResponseRow[] {
  const random = seededRandom(seed);
  const capacity = new Map((city.capacities ?? []).map((c) => [`${c.unit}\t${c.period}`, c.capacity]));
  const byCode = new Map(city.units.map((u) => [u.code, u]));
  const districtOf = (code: string): string => {
    let unit = byCode.get(code);
    while (unit !== undefined && unit.level !== 'district')
      unit = unit.parent === undefined ? undefined : byCode.get(unit.parent);
    return unit?.code ?? '';
  };
  const communities = city.units.filter((u) => u.level === 'community');
  const districts = [...new Set(communities.map((u) => districtOf(u.code)))];
  const rows: ResponseRow[] = [];
  for (const period of city.periods) {
    for (const district of districts) {
      const pool = communities.filter((u) => districtOf(u.code) === district);
      const drawn = sample(random, pool.length, SAMPLED_PER_DISTRICT)
        .map((i) => pool[i])
        .filter((u) => u !== undefined);
      const plan = drawn.map((unit) => ({
        unit,
        interviews: random.integer(MIN_INTERVIEWS, MAX_INTERVIEWS),
      }));
      const raw = plan.map((p) => p.unit.attributes.resident_population / p.interviews);
      const total = plan.reduce((sum, p, k) => sum + p.interviews * (raw[k] ?? 0), 0);
      const people = plan.reduce((sum, p) => sum + p.interviews, 0);
      plan.forEach(({ unit, interviews }, k) => {
        const weight = Math.round(((raw[k] ?? 1) * people * 1000) / total) / 1000;
        const latent = capacity.get(`${unit.code}\t${period}`) ?? 0;
        const twist = random.normal(0, 0.35);
        const satisfaction = 3.4 + 0.9 * latent + twist;
        const gain = 3.1 + 0.8 * latent + twist + random.normal(0, 0.2);
        for (let i = 0; i < interviews; i += 1) {
          const answers: Record<string, number> = { satisfaction: answer(random, satisfaction) };
          // About one in twenty leaves the sense-of-gain question unanswered.
          if (random.uniform() >= 0.05) answers.sense_of_gain = answer(random, gain);
          rows.push({ unit: unit.code, period, answers, weight: Math.max(0.001, weight) });
        }
      });
    }
  }
  return rows;
}
