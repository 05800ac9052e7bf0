/**
 * The statistical audit of an evaluation in one period, from its engine input and result: indicator
 * statistics, correlations between the normalised indicators with double-counting and pulling-apart
 * flags, each element's correlation with its parent, Cronbach's α of every inner node, PCA variance
 * shares per dimension, raw indicators' correlation with size variables, and the rank change from
 * removing each element. Every figure follows COINr's definition (see each file).
 *
 * @example const audit = auditEvaluation(input, runPipeline(input, choices));
 */
import type { EngineResult } from '../result.js';
import type { EngineInput } from '../types.js';
import {
  correlationFlags,
  defaultFlagThresholds,
  type CorrelationFlag,
  type FlagThresholds,
} from './correlation-flags.js';
import { correlationPairs, type CorrelationPair } from './correlation-matrix.js';
import { cronbachAlpha } from './cronbach.js';
import { indicatorStats, type IndicatorStats } from './indicator-stats.js';
import { parentCorrelations, type ParentCorrelation } from './parent-correlations.js';
import { pcaVarianceShares } from './pca-variance.js';
import { parentsOf, periodView } from './period-view.js';
import { removalEffects, type RemovalEffect } from './removal.js';
import { defaultSizeThreshold, sizeCorrelations, type SizeCorrelation } from './size-correlations.js';
import { sizeVariables } from './size-variables.js';

export interface AuditOptions {
  /** Position of the period to audit; the last by default. */
  readonly period?: number;
  readonly flagThresholds?: FlagThresholds;
  readonly sizeThreshold?: number;
  /** Input variables to treat as size variables besides population and shared denominators. */
  readonly sizeVariables?: readonly string[];
}

export interface NodeAlpha {
  readonly node: string;
  readonly alpha: number;
}

export interface PcaShare {
  readonly node: string;
  readonly component: number;
  readonly varianceShare: number;
}

export interface StatisticalAudit {
  readonly period: string;
  readonly indicators: readonly string[];
  readonly stats: readonly IndicatorStats[];
  readonly correlations: readonly CorrelationPair[];
  readonly flags: readonly CorrelationFlag[];
  readonly flagThresholds: FlagThresholds;
  readonly withParent: readonly ParentCorrelation[];
  readonly cronbach: readonly NodeAlpha[];
  readonly pca: readonly PcaShare[];
  readonly sizeCorrelations: readonly SizeCorrelation[];
  readonly sizeThreshold: number;
  readonly removal: readonly RemovalEffect[];
}

export function auditEvaluation(
  input: EngineInput,
  result: EngineResult,
  options: AuditOptions = {},
): StatisticalAudit {
  const period = options.period ?? result.periodIds.length - 1;
  const periodId = result.periodIds[period] ?? '';
  const view = periodView(result, period);
  const parents = parentsOf(result);
  const indicators = result.indicatorIds;
  const correlations = correlationPairs(indicators, view.normalised);
  const flagThresholds = options.flagThresholds ?? defaultFlagThresholds;
  const sizeThreshold = options.sizeThreshold ?? defaultSizeThreshold;
  const indicatorSet = new Set(indicators);
  const cronbach: NodeAlpha[] = [];
  const pca: PcaShare[] = [];
  for (const [node, { children }] of result.weights) {
    const columns = children.map((child) => view.element(child));
    cronbach.push({ node, alpha: cronbachAlpha(columns) });
    if (!children.every((child) => indicatorSet.has(child))) continue;
    pcaVarianceShares(columns).forEach((varianceShare, k) =>
      pca.push({ node, component: k + 1, varianceShare }),
    );
  }
  return {
    period: periodId,
    indicators,
    stats: indicators.map((id) => indicatorStats(id, view.raw(id), result.log, periodId)),
    correlations,
    flags: correlationFlags(correlations, parents, flagThresholds),
    flagThresholds,
    withParent: parentCorrelations([...indicators, ...result.nodeIds], parents, view.element),
    cronbach,
    pca,
    sizeCorrelations: sizeCorrelations(
      indicators,
      view.raw,
      sizeVariables(input, period, options.sizeVariables ?? []),
      sizeThreshold,
    ),
    sizeThreshold,
    removal: removalEffects(input, result, period),
  };
}
