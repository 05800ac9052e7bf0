/**
 * The bridge from the registry to the engine: a ResolvedFramework becomes the engine's tree (compiled
 * formulas as the indicators' `compute`), the variables' declared ranges, and the method choices;
 * with unit records and per-period variable columns it makes a complete EngineInput.
 *
 * @example
 * const framework = (await loadRegistry(indicatorsDir)).resolveFramework('default');
 * const result = runPipeline(toEngineInput(framework, units, periods), engineChoices(framework));
 */
import type {
  EngineIndicator,
  EngineInput,
  EnginePeriod,
  EngineTree,
  EngineUnits,
  MethodChoices,
  TargetOverride,
  VariableSpec,
} from '../engine/types.js';
import type { ResolvedFramework } from './registry-types.js';

export function engineTree(framework: ResolvedFramework): EngineTree {
  const root = framework.root.id;
  return {
    root,
    nodes: framework.dimensions.map((d) => ({
      id: d.id,
      weight: d.weight,
      ...(d.parentId === root ? {} : { parent: d.parentId }),
    })),
    indicators: framework.indicators.map((i): EngineIndicator => ({
      id: i.id,
      parent: i.parentId,
      weight: i.weight,
      direction: i.definition.direction === 'higher' ? 1 : -1,
      inputs: i.formula.variables,
      compute: i.formula,
      goalposts: { floor: i.definition.goalposts.floor.value, target: i.definition.goalposts.target.value },
      thresholds: i.definition.thresholds,
      appliesTo: i.definition.applies_to,
    })),
  };
}

/** Declared ranges of the raw variables: values breaking them become missing as invalid_input. */
export function engineVariableSpecs(framework: ResolvedFramework): Map<string, VariableSpec> {
  return new Map(
    framework.variables.map((v): [string, VariableSpec] => [
      v.name,
      {
        ...(v.minimum === undefined ? {} : { minimum: v.minimum }),
        ...(v.maximum === undefined ? {} : { maximum: v.maximum }),
        ...(v.exclusiveMinimum === undefined ? {} : { exclusiveMinimum: v.exclusiveMinimum }),
        ...(v.exclusiveMaximum === undefined ? {} : { exclusiveMaximum: v.exclusiveMaximum }),
        ...(v.type === 'integer' ? { integer: true } : {}),
      },
    ]),
  );
}

/** The framework's target overrides as the engine reads them (targets that fit), in list order. */
export function engineTargetOverrides(framework: ResolvedFramework): TargetOverride[] {
  return (framework.definition.overrides ?? []).map((o): TargetOverride => ({
    indicator: o.indicator,
    when: {
      ...(o.when.peer_group === undefined ? {} : { peerGroup: o.when.peer_group }),
      ...(o.when.urban_rural === undefined ? {} : { urbanRural: o.when.urban_rural }),
      ...(o.when.level === undefined ? {} : { level: o.when.level }),
      ...(o.when.period === undefined ? {} : { period: o.when.period }),
    },
    ...(o.goalposts === undefined
      ? {}
      : { goalposts: { floor: o.goalposts.floor, target: o.goalposts.target } }),
    ...(o.thresholds === undefined ? {} : { thresholds: { ...o.thresholds } }),
  }));
}

/** The framework's method choice per stage, as written (the engine fills in defaults). */
export function engineChoices(framework: ResolvedFramework): MethodChoices {
  const m = framework.methods;
  return {
    imputation: m.imputation,
    screening: m.screening,
    treatment: m.treatment,
    normalisation: m.normalisation,
    weighting: m.weighting,
    aggregation: m.aggregation,
    rollup: m.rollup,
    periods: m.periods,
  };
}

export function toEngineInput(
  framework: ResolvedFramework,
  units: EngineUnits,
  periods: readonly EnginePeriod[],
): EngineInput {
  const targetOverrides = engineTargetOverrides(framework);
  return {
    units,
    periods,
    tree: engineTree(framework),
    variables: engineVariableSpecs(framework),
    ...(targetOverrides.length === 0 ? {} : { targetOverrides }),
  };
}
