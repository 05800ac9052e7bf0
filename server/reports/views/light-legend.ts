/**
 * The legend of a page that shows traffic lights (and trend arrows): every light with its symbol and
 * word, the rule that gives it (the indicator's thresholds, read in its direction), every trend arrow
 * with the rule behind it, and a link to the catalogue where each indicator's thresholds are listed.
 *
 * @example lightLegend('zh', '/indicators?framework=default').lights.map((l) => l.symbol) // ['✓', '◔', '◑', '✕']
 */
import type { Lang } from '../i18n/lang.js';
import { labelsFor } from '../i18n/labels.js';
import { lightCell, type LightCell } from './light-cell.js';
import { trendCell, type TrendCell } from './trend-cell.js';

export interface LightLegend {
  readonly lightsTitle: string;
  readonly lights: readonly LightCell[];
  readonly lightsRule: string;
  readonly trendsTitle: string;
  /** Empty on a page without trend arrows. */
  readonly trends: readonly TrendCell[];
  readonly trendsRule: string;
  readonly thresholdsHref: string;
  readonly thresholdsLink: string;
}

export function lightLegend(lang: Lang, thresholdsHref: string, withTrends = true): LightLegend {
  const t = labelsFor(lang);
  return {
    lightsTitle: t.legendLightsTitle,
    lights: (['green', 'yellow', 'orange', 'red'] as const).map((light) => lightCell(light, lang)),
    lightsRule: t.legendLightsRule,
    trendsTitle: t.legendTrendsTitle,
    trends: withTrends
      ? (['on_track', 'improving', 'stagnating', 'decreasing'] as const).map((trend) =>
          trendCell(trend, lang),
        )
      : [],
    trendsRule: withTrends ? t.legendTrendsRule : '',
    thresholdsHref,
    thresholdsLink: t.legendThresholdsLink,
  };
}
