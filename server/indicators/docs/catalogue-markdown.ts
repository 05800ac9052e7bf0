/**
 * The bilingual Markdown catalogue (`indicators docs`): every framework with its weights and
 * methods, then every dimension (parents before children) with its indicators: names, meaning,
 * formula, variables, goalposts with their justification, thresholds, sources, version and hash.
 * Chinese first, English after.
 */
import type { DimensionDefinition, IndicatorDefinition } from '../definitions.js';
import type { LoadedDimension, LoadedIndicator, Registry } from '../registry-types.js';
import { rangeText } from '../variable-declaration.js';
import { markdownTable, paragraphs } from './markdown-text.js';

const DIRECTION = {
  higher: '越高越好 higher is better',
  lower: '越低越好 lower is better',
} as const;

const APPLIES_TO = { urban: '城市社区 urban', rural: '农村 rural', all: '全部 all' } as const;

function thresholdsText(definition: IndicatorDefinition): string {
  const sign = definition.direction === 'higher' ? '≥' : '≤';
  const { green, yellow, orange } = definition.thresholds;
  return `绿 green ${sign} ${green}；黄 yellow ${sign} ${yellow}；橙 orange ${sign} ${orange}；其余为红 otherwise red`;
}

function indicatorSection(indicator: LoadedIndicator, level: number): string {
  const d = indicator.definition;
  const variables = Object.entries(d.inputs.properties).map(([name, v]) => [
    `\`${name}\``,
    v.label.zh,
    v.label.en,
    `${v.unit.zh} / ${v.unit.en}`,
    v.type,
    rangeText(v),
  ]);
  const sources = d.source.map(
    (s) => `- ${s.ref}${s.note === undefined ? '' : ` — ${s.note.zh} / ${s.note.en}`}`,
  );
  return [
    `${'#'.repeat(level)} ${d.name.zh} / ${d.name.en}`,
    '',
    `\`${d.id}\` v${d.version} · \`${indicator.hash}\` · ${indicator.file}`,
    '',
    paragraphs(d.description.zh),
    '',
    paragraphs(d.description.en),
    '',
    `- 单位 Unit: ${d.unit.zh} / ${d.unit.en}`,
    `- 方向 Direction: ${DIRECTION[d.direction]}`,
    `- 适用 Applies to: ${APPLIES_TO[d.applies_to]}`,
    `- 默认权重 Default weight: ${d.weight}`,
    `- 公式 Formula: \`${d.formula}\``,
    `- 下限 Floor: ${d.goalposts.floor.value} — ${d.goalposts.floor.justification.zh} / ${d.goalposts.floor.justification.en}`,
    `- 目标 Target: ${d.goalposts.target.value} — ${d.goalposts.target.justification.zh} / ${d.goalposts.target.justification.en}`,
    `- 红绿灯 Thresholds: ${thresholdsText(d)}`,
    '',
    markdownTable(['变量 Variable', '中文名', 'English', '单位 Unit', '类型 Type', '范围 Range'], variables),
    '',
    `**理由 Rationale.** ${d.rationale.zh}`,
    '',
    d.rationale.en,
    '',
    '**来源 Sources**',
    '',
    ...sources,
    '',
  ].join('\n');
}

function dimensionOrder(
  dimensions: ReadonlyMap<string, LoadedDimension>,
): { dimension: DimensionDefinition; depth: number }[] {
  const ordered: { dimension: DimensionDefinition; depth: number }[] = [];
  const visit = (parent: string | undefined, depth: number): void => {
    for (const { definition } of dimensions.values()) {
      if (definition.parent !== parent) continue;
      ordered.push({ dimension: definition, depth });
      visit(definition.id, depth + 1);
    }
  };
  visit(undefined, 0);
  return ordered;
}

function frameworkSections(registry: Registry): string[] {
  return [...registry.frameworks.values()].map(({ definition, hash, file }) => {
    const resolved = registry.resolveFramework(definition.id);
    const dimensions = resolved.dimensions.map((d) => [
      `${'　'.repeat(d.depth - 1)}${d.definition.name.zh} ${d.definition.name.en}`,
      `\`${d.id}\``,
      String(d.weight),
    ]);
    const methods = Object.entries(resolved.methods).map(([stage, choice]) => {
      const { method, ...params } = choice;
      return [
        stage,
        `\`${method}\``,
        Object.keys(params).length === 0 ? '' : `\`${JSON.stringify(params)}\``,
      ];
    });
    return [
      `### ${definition.name.zh} / ${definition.name.en}`,
      '',
      `\`${definition.id}\` v${definition.version} · \`${hash}\` · ${file} · ${resolved.indicators.length} 项指标 indicators, ${resolved.variables.length} 个变量 variables`,
      '',
      paragraphs(definition.description.zh),
      '',
      paragraphs(definition.description.en),
      '',
      markdownTable(['维度 Dimension', 'id', '权重 Weight'], dimensions),
      '',
      markdownTable(['阶段 Stage', '方法 Method', '参数 Parameters'], methods),
      '',
    ].join('\n');
  });
}

export function catalogueMarkdown(registry: Registry): string {
  const byDimension = new Map<string, LoadedIndicator[]>();
  for (const indicator of registry.indicators.values()) {
    const list = byDimension.get(indicator.definition.dimension) ?? [];
    list.push(indicator);
    byDimension.set(indicator.definition.dimension, list);
  }
  const dimensionSections = dimensionOrder(registry.dimensions).map(({ dimension, depth }) => {
    const indicators = byDimension.get(dimension.id) ?? [];
    const level = Math.min(3 + depth, 5);
    return [
      `${'#'.repeat(level)} ${dimension.name.zh} / ${dimension.name.en}`,
      '',
      `\`${dimension.id}\`${dimension.parent === undefined ? '' : ` · 上级 parent \`${dimension.parent}\``} · 默认权重 default weight ${dimension.weight}`,
      '',
      paragraphs(dimension.description.zh),
      '',
      paragraphs(dimension.description.en),
      '',
      ...indicators.map((indicator) => indicatorSection(indicator, level + 1)),
    ].join('\n');
  });
  return [
    '# 指标目录 Indicator catalogue',
    '',
    `由 \`npm run zhili -- indicators docs\` 生成，请勿手工修改。Generated by \`npm run zhili -- indicators docs\`; do not edit by hand.`,
    '',
    `${registry.indicators.size} 项指标 indicators · ${registry.dimensions.size} 个维度 dimensions · ${registry.frameworks.size} 个框架 frameworks`,
    '',
    '## 框架 Frameworks',
    '',
    ...frameworkSections(registry),
    '## 维度与指标 Dimensions and indicators',
    '',
    ...dimensionSections,
  ].join('\n');
}
