/**
 * The demo city 梧阳市 generated `copies` times with different seeds and recoded (copy k's districts
 * WY01–WY07 become WY(7k+1)–WY(7k+7)), for the benchmarks that need a big realistic city: ten
 * copies give 10,000 communities, 800 streets and 70 districts over 3 periods.
 *
 * @example scaledCity(10).communities.length === 10000
 */
import { generateDemoCity, type DemoCity } from '../../server/demo/demo-city.js';

/** Copy k of the demo city: districts WY01–WY07 become WY(7k+1)–WY(7k+7), names numbered. */
function recode(code: string, copy: number): string {
  return code.replace(
    /^WY(\d\d)/,
    (_, district: string) => `WY${String(copy * 7 + Number(district)).padStart(2, '0')}`,
  );
}

export interface ScaledCity {
  readonly units: unknown[];
  readonly observations: Map<string, unknown[]>;
  readonly communities: string[];
  readonly districts: string[];
  readonly periods: readonly string[];
}

export function scaledCity(copies: number): ScaledCity {
  const units: unknown[] = [];
  const observations = new Map<string, unknown[]>();
  const communities: string[] = [];
  const districts: string[] = [];
  let periods: readonly string[] = [];
  for (let copy = 0; copy < copies; copy++) {
    const city: DemoCity = generateDemoCity(20251123 + copy);
    periods = city.periods;
    for (const unit of city.units) {
      if (unit.level === 'city' && copy > 0) continue;
      const code = recode(unit.code, copy);
      const suffix = unit.level === 'district' && copy > 0 ? ` ${copy + 1}` : '';
      units.push({
        code,
        name: { zh: `${unit.name.zh}${suffix}`, en: `${unit.name.en}${suffix}` },
        level: unit.level,
        parent: unit.parent === undefined ? null : recode(unit.parent, copy),
        attributes: unit.attributes,
      });
      if (unit.level === 'community') communities.push(code);
      if (unit.level === 'district') districts.push(code);
    }
    for (const o of city.observations) {
      const rows = observations.get(o.period) ?? [];
      rows.push({
        unit: recode(o.unit, copy),
        period: o.period,
        values: Object.fromEntries(Object.entries(o.values).filter(([, v]) => v !== null)),
      });
      observations.set(o.period, rows);
    }
  }
  return { units, observations, communities, districts, periods };
}
