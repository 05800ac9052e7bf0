/**
 * The view model of /indicators, the indicator catalogue: the registry's frameworks (version,
 * hash, data templates to download) and, for the chosen framework, every dimension with every
 * indicator's definition — description, unit and direction, formula, rationale, sources,
 * goalposts with their justification, traffic-light thresholds, weight and version.
 */
import type { Registry, ResolvedFramework, ResolvedIndicator } from '../../indicators/registry-types.js';
import type { LightName as Light } from '../format/signal-names.js';
import type { LabelledTable } from '../export/labelled-table.js';
import { numberFormat } from '../format/number-format.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelOf, labelsFor } from '../i18n/labels.js';
import { pick } from '../i18n/pick.js';
import { pageChrome, type Chrome } from './chrome.js';
import { exportLinks, type ExportLink } from './export-links.js';
import { href } from './href.js';
import { lightCell, type LightCell } from './light-cell.js';
import { withFields } from './with-fields.js';

export interface FrameworkItem {
  readonly id: string;
  readonly name: string;
  readonly version: string;
  readonly hash: string;
  readonly indicators: string;
  readonly href: string;
  readonly current: boolean;
  readonly templateCsv: string;
  readonly templateXlsx: string;
}

export interface ThresholdRule {
  readonly light: LightCell;
  readonly rule: string;
}

export interface CatalogueIndicator {
  readonly id: string;
  readonly name: string;
  readonly version: string;
  readonly hash: string;
  readonly description: string;
  readonly measure: string;
  readonly direction: string;
  readonly appliesTo: string;
  readonly formula: string;
  readonly rationale: string;
  readonly sources: readonly { readonly ref: string; readonly note: string }[];
  readonly floor: string;
  readonly floorWhy: string;
  readonly target: string;
  readonly targetWhy: string;
  readonly thresholds: readonly ThresholdRule[];
  readonly weight: string;
}

export interface CatalogueDimension {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly weight: string;
  readonly indicators: readonly CatalogueIndicator[];
}

export interface CataloguePage extends Chrome {
  readonly frameworks: readonly FrameworkItem[];
  readonly shown: string;
  readonly dimensions: readonly CatalogueDimension[];
  readonly exports: readonly ExportLink[];
}

function thresholdRules(indicator: ResolvedIndicator, lang: Lang): ThresholdRule[] {
  const { thresholds, direction } = indicator.definition;
  const format = numberFormat(lang);
  const [at, below] = direction === 'higher' ? ['≥', '<'] : ['≤', '>'];
  const rules: [Light, string][] = [
    ['green', `${at} ${format.raw(thresholds.green)}`],
    ['yellow', `${at} ${format.raw(thresholds.yellow)}`],
    ['orange', `${at} ${format.raw(thresholds.orange)}`],
    ['red', `${below} ${format.raw(thresholds.orange)}`],
  ];
  return rules.map(([light, rule]) => ({ light: lightCell(light, lang), rule }));
}

function indicatorItem(indicator: ResolvedIndicator, lang: Lang): CatalogueIndicator {
  const d = indicator.definition;
  const format = numberFormat(lang);
  const measure = pick(d.unit, lang);
  return {
    id: d.id,
    name: pick(d.name, lang),
    version: d.version,
    hash: indicator.hash,
    description: pick(d.description, lang),
    measure,
    direction: labelOf(lang, 'direction', d.direction),
    appliesTo: labelOf(lang, 'applies', d.applies_to),
    formula: d.formula,
    rationale: pick(d.rationale, lang),
    sources: d.source.map((s) => ({ ref: s.ref, note: s.note === undefined ? '' : pick(s.note, lang) })),
    floor: `${format.raw(d.goalposts.floor.value)} ${measure}`,
    floorWhy: pick(d.goalposts.floor.justification, lang),
    target: `${format.raw(d.goalposts.target.value)} ${measure}`,
    targetWhy: pick(d.goalposts.target.justification, lang),
    thresholds: thresholdRules(indicator, lang),
    weight: format.raw(indicator.weight),
  };
}

function dimensionsOf(framework: ResolvedFramework, lang: Lang): CatalogueDimension[] {
  const t = labelsFor(lang);
  const format = numberFormat(lang);
  return framework.dimensions.map((dimension) => ({
    id: dimension.id,
    name: pick(dimension.definition.name, lang),
    description: pick(dimension.definition.description, lang),
    weight: fill(t.dimensionWeight, { weight: format.raw(dimension.weight) }),
    indicators: framework.indicators
      .filter((i) => i.parentId === dimension.id)
      .map((i) => indicatorItem(i, lang)),
  }));
}

export function cataloguePage(registry: Registry, shownId: string, lang: Lang): CataloguePage {
  const t = labelsFor(lang);
  const format = numberFormat(lang);
  const framework = registry.resolveFramework(shownId);
  const frameworks = [...registry.frameworks.values()].map((f) => {
    const id = f.definition.id;
    const template = `/api/v1/frameworks/${encodeURIComponent(id)}/template`;
    return {
      id,
      name: pick(f.definition.name, lang),
      version: f.definition.version,
      hash: f.hash,
      indicators: format.count(f.definition.indicators.length),
      href: href('/indicators', { framework: id }),
      current: id === shownId,
      templateCsv: href(template, { format: 'csv' }),
      templateXlsx: href(template, { format: 'xlsx' }),
    };
  });
  return withFields(
    pageChrome(lang, {
      path: '/indicators',
      query: { framework: shownId },
      title: t.catalogueTitle,
      section: 'indicators',
    }),
    {
      frameworks,
      shown: fill(t.shownFramework, {
        name: pick(framework.definition.name, lang),
        id: framework.definition.id,
        version: framework.definition.version,
      }),
      dimensions: dimensionsOf(framework, lang),
      exports: exportLinks('/indicators', { framework: shownId }, 'indicators'),
    },
  );
}

export function catalogueExport(registry: Registry, shownId: string, lang: Lang): LabelledTable {
  const t = labelsFor(lang);
  const framework = registry.resolveFramework(shownId);
  return {
    name: `indicators-${shownId}`,
    ids: [
      'dimension',
      'indicator',
      'name',
      'version',
      'unit',
      'direction',
      'formula',
      'floor',
      'target',
      'green',
      'yellow',
      'orange',
      'weight',
      'hash',
    ],
    labels: [
      t.colDimension,
      t.colId,
      t.colName,
      t.colVersion,
      t.colMeasure,
      t.colDirection,
      t.colFormula,
      t.floorLabel,
      t.targetLabel,
      labelOf(lang, 'light', 'green'),
      labelOf(lang, 'light', 'yellow'),
      labelOf(lang, 'light', 'orange'),
      t.indicatorWeight,
      t.colHash,
    ],
    rows: framework.indicators.map((i) => {
      const d = i.definition;
      return [
        i.parentId,
        d.id,
        pick(d.name, lang),
        d.version,
        pick(d.unit, lang),
        d.direction,
        d.formula,
        d.goalposts.floor.value,
        d.goalposts.target.value,
        d.thresholds.green,
        d.thresholds.yellow,
        d.thresholds.orange,
        i.weight,
        i.hash,
      ];
    }),
  };
}
