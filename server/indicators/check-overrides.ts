/**
 * Cross-checks of a framework's target overrides (targets that fit, 因地制宜): each names an
 * indicator of this framework, its thresholds are ordered in that indicator's direction, its goalposts
 * differ and point the indicator's way, it replaces goalposts, thresholds or both, and its
 * justification says something in both languages. The schema already requires at least one condition.
 *
 * @example checkOverrides(framework, known) // [] when every override fits
 */
import type { FrameworkDefinition, IndicatorDefinition, TargetOverrideDefinition } from './definitions.js';
import type { KnownDefinitions } from './check-framework.js';
import { pointer, type Problem } from './problem.js';

type Local = Omit<Problem, 'file'>;

function checkIndicator(
  framework: FrameworkDefinition,
  override: TargetOverrideDefinition,
  at: number,
): Local[] {
  if (framework.indicators.some(({ id }) => id === override.indicator)) return [];
  return [
    {
      pointer: pointer('overrides', at, 'indicator'),
      expected: 'an indicator listed in /indicators of this framework',
      found: JSON.stringify(override.indicator),
      message: 'override of an indicator outside the framework',
    },
  ];
}

function checkThresholds(
  override: TargetOverrideDefinition,
  indicator: IndicatorDefinition,
  at: number,
): Local[] {
  const thresholds = override.thresholds;
  if (thresholds === undefined) return [];
  const higher = indicator.direction === 'higher';
  const sign = higher ? '≤' : '≥';
  const message = `thresholds out of order for a "${indicator.direction} is better" indicator`;
  const outOfOrder = (better: number, worse: number): boolean => (higher ? worse > better : worse < better);
  const problems: Local[] = [];
  if (outOfOrder(thresholds.green, thresholds.yellow)) {
    problems.push({
      pointer: pointer('overrides', at, 'thresholds', 'yellow'),
      expected: `${sign} green (${thresholds.green})`,
      found: String(thresholds.yellow),
      message,
    });
  }
  if (outOfOrder(thresholds.yellow, thresholds.orange)) {
    problems.push({
      pointer: pointer('overrides', at, 'thresholds', 'orange'),
      expected: `${sign} yellow (${thresholds.yellow})`,
      found: String(thresholds.orange),
      message,
    });
  }
  return problems;
}

function checkGoalposts(
  override: TargetOverrideDefinition,
  indicator: IndicatorDefinition,
  at: number,
): Local[] {
  const posts = override.goalposts;
  if (posts === undefined) return [];
  const where = pointer('overrides', at, 'goalposts', 'target');
  if (posts.floor === posts.target) {
    return [
      {
        pointer: where,
        expected: `a target different from the floor (${posts.floor})`,
        found: String(posts.target),
        message: 'goalposts are equal',
      },
    ];
  }
  const higher = indicator.direction === 'higher';
  if (higher ? posts.target < posts.floor : posts.target > posts.floor) {
    return [
      {
        pointer: where,
        expected: `${higher ? '>' : '<'} the floor (${posts.floor}) for a "${indicator.direction} is better" indicator`,
        found: String(posts.target),
        message: 'target on the wrong side of the floor',
      },
    ];
  }
  return [];
}

function checkReplacement(override: TargetOverrideDefinition, at: number): Local[] {
  if (override.goalposts !== undefined || override.thresholds !== undefined) return [];
  return [
    {
      pointer: pointer('overrides', at),
      expected: 'goalposts, thresholds or both',
      found: 'neither',
      message: 'override that replaces nothing',
    },
  ];
}

function checkJustification(override: TargetOverrideDefinition, at: number): Local[] {
  return (['zh', 'en'] as const)
    .filter((language) => override.justification[language].trim() === '')
    .map((language) => ({
      pointer: pointer('overrides', at, 'justification', language),
      expected: 'a written reason for the override',
      found: 'blank text',
      message: 'override without a justification',
    }));
}

export function checkOverrides(framework: FrameworkDefinition, known: KnownDefinitions): Local[] {
  const problems: Local[] = [];
  (framework.overrides ?? []).forEach((override, at) => {
    problems.push(
      ...checkIndicator(framework, override, at),
      ...checkReplacement(override, at),
      ...checkJustification(override, at),
    );
    const listed = framework.indicators.some(({ id }) => id === override.indicator);
    const indicator = listed ? known.indicators.get(override.indicator) : undefined;
    if (indicator === undefined) return;
    problems.push(...checkThresholds(override, indicator, at), ...checkGoalposts(override, indicator, at));
  });
  return problems;
}
