import { expect } from 'chai';
import path from 'node:path';
import {
  closeEngineThreads,
  endHelpersInTheirNextTask,
  helperTaskCount,
  setCallerWaitsForHelper,
  setEngineThreads,
  setParallelFromRows,
  startEngineThreads,
} from '../../../server/engine/parallel/pool.js';
import { runPipeline } from '../../../server/engine/pipeline.js';
import type { EngineResult } from '../../../server/engine/result.js';
import type { MethodChoices } from '../../../server/engine/types.js';
import { loadRegistry } from '../../../server/indicators/load-registry.js';
import type { ResolvedFramework } from '../../../server/indicators/registry-types.js';
import { engineChoices, toEngineInput } from '../../../server/indicators/to-engine-input.js';
import { indicatorsDir } from '../../../server/paths.js';
import { asemDir, runAsem } from '../support/asem.js';

/** A small seeded generator (mulberry32), so the data are the same on every run. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every variable of the framework: skewed values rounded to a few steps (many ties), 3 % gaps. */
function generatedVariables(
  framework: ResolvedFramework,
  units: number,
  seed: number,
): Map<string, Float64Array> {
  const next = generator(seed);
  const columns = new Map<string, Float64Array>();
  for (const v of framework.variables) {
    const column = new Float64Array(units);
    const scale = v.maximum === 1 ? 0 : 10 + 90 * next();
    for (let i = 0; i < units; i++) {
      const u = next();
      const x = v.maximum === 1 ? (u < 0.6 ? 1 : 0) : Math.round(scale * Math.exp(2 * (u - 0.5) ** 3 * 8));
      column[i] = next() < 0.03 ? Number.NaN : x;
    }
    columns.set(v.name, column);
  }
  return columns;
}

/** Every number, reason, flag, rank and log entry of a result, for exact comparison. */
function fingerprint(result: EngineResult): Record<string, unknown> {
  const bytes = (a: ArrayBufferView): string =>
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
  const set = (s: EngineResult['raw']): Record<string, string> => ({
    ...Object.fromEntries([...s.values].map(([id, v]) => [`v ${id}`, bytes(v)])),
    ...Object.fromEntries([...s.reasons].map(([id, r]) => [`r ${id}`, bytes(r)])),
  });
  return {
    raw: set(result.raw),
    imputed: set(result.imputed),
    treated: set(result.treated),
    normalised: set(result.normalised),
    scores: set(result.scores),
    flags: Object.fromEntries([...result.flags].map(([id, f]) => [id, bytes(f)])),
    rowFlags: bytes(result.rowFlags),
    availability: bytes(result.availability),
    ranks: Object.fromEntries([...result.ranks].map(([id, r]) => [id, bytes(r)])),
    weights: Object.fromEntries([...result.weights].map(([id, w]) => [id, bytes(w.weights)])),
    log: JSON.stringify(result.log),
  };
}

describe('engine threads: the same result with one thread or several', function () {
  this.timeout(120_000);
  let framework: ResolvedFramework;

  before(async () => {
    framework = (await loadRegistry(indicatorsDir)).resolveFramework('default');
    // Share even these small frames, with two helpers running, so the helpers really take tasks.
    setParallelFromRows(0);
    setEngineThreads(3);
    setCallerWaitsForHelper(true);
    await startEngineThreads();
  });

  after(async () => {
    setParallelFromRows(undefined);
    setEngineThreads(undefined);
    setCallerWaitsForHelper(false);
    await closeEngineThreads();
  });

  const compare = (run: () => EngineResult): void => {
    setEngineThreads(1);
    const single = fingerprint(run());
    setEngineThreads(3);
    const before = helperTaskCount();
    const shared = fingerprint(run());
    expect(helperTaskCount()).to.be.greaterThan(before);
    // The stages that split rows rather than columns took part too.
    for (const kind of ['sanitise', 'availability', 'aggregate'] as const)
      expect(helperTaskCount(kind), kind).to.be.greaterThan(0);
    for (const key of Object.keys(single)) expect(shared[key], key).to.deep.equal(single[key]);
  };

  const variants: Record<string, (base: MethodChoices) => MethodChoices> = {
    'the default methods': (base) => base,
    'screening that drops, mean imputation, indicator ranks': (base) => ({
      ...base,
      screening: { method: 'by_availability', threshold: 0.97, action: 'drop' },
      imputation: { method: 'mean' },
      rankIndicators: true,
    }),
    'bounds pooled over periods, geometric mean': (base) => ({
      ...base,
      normalisation: { method: 'minmax', range: [1, 100] },
      aggregation: { method: 'geometric' },
      periods: { method: 'pooled' },
    }),
    'rank normalisation without treatment': (base) => ({
      ...base,
      normalisation: { method: 'rank' },
      treatment: { method: 'none' },
    }),
    'z-scores after median imputation': (base) => ({
      ...base,
      normalisation: { method: 'zscore' },
      imputation: { method: 'median' },
    }),

    'harmonic mean on a range above zero': (base) => ({
      ...base,
      normalisation: { method: 'minmax', range: [1, 100] },
      aggregation: { method: 'harmonic' },
    }),
  };
  const input3000 = (): ReturnType<typeof toEngineInput> => {
    const units = 3000;
    const codes = Array.from({ length: units }, (_, i) => `u${i}`);
    return toEngineInput(framework, { codes }, [
      { id: '2023', variables: generatedVariables(framework, units, 23) },
      { id: '2024', variables: generatedVariables(framework, units, 24) },
    ]);
  };

  it('a geometric mean that meets a value ≤ 0 fails with the same message, naming the unit', () => {
    const input = input3000();
    const choices = {
      ...engineChoices(framework),
      normalisation: { method: 'zscore', mean: 1, sd: 1 },
      aggregation: { method: 'geometric' },
    };
    const failure = (): string => {
      try {
        runPipeline(input, choices);
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
      throw new Error('expected the geometric mean to refuse a z-score ≤ 0');
    };
    setEngineThreads(1);
    const single = failure();
    setEngineThreads(3);
    const shared = failure();
    expect(single).to.match(/unit u\d+/);
    expect(shared).to.equal(single);
  });

  for (const [name, choose] of Object.entries(variants)) {
    it(`generated data (3,000 units, 2 periods, gaps, ties): ${name}`, () => {
      const input = input3000();
      compare(() => runPipeline(input, choose(engineChoices(framework))));
    });
  }

  it('one period, so that treated columns and flags are taken over without a copy', () => {
    const units = 4000;
    const codes = Array.from({ length: units }, (_, i) => `u${i}`);
    const input = toEngineInput(framework, { codes }, [
      { id: '2024', variables: generatedVariables(framework, units, 7) },
    ]);
    compare(() => runPipeline(input, { ...engineChoices(framework), rankIndicators: true }));
  });

  it('a helper thread that ends in the middle of a task: the calling thread finishes its work, same result', async function () {
    this.timeout(60_000);
    const input = input3000();
    const run = (): EngineResult => runPipeline(input, engineChoices(framework));
    setEngineThreads(1);
    const single = fingerprint(run());
    setEngineThreads(3);
    endHelpersInTheirNextTask();
    const shared = fingerprint(run());
    for (const key of Object.keys(single)) expect(shared[key], key).to.deep.equal(single[key]);
    // New helpers replace the ones let go, and take tasks again.
    await startEngineThreads();
    const before = helperTaskCount();
    expect(fingerprint(run())).to.deep.equal(single);
    expect(helperTaskCount()).to.be.greaterThan(before);
  });

  it('ASEM (51 countries × 49 indicators, COINr default methodology)', async () => {
    setEngineThreads(1);
    const single = fingerprint(await runAsem(path.join(asemDir, 'asem_iData.csv')));
    setEngineThreads(3);
    const before = helperTaskCount();
    const shared = fingerprint(await runAsem(path.join(asemDir, 'asem_iData.csv')));
    expect(helperTaskCount()).to.be.greaterThan(before);
    for (const key of Object.keys(single)) expect(shared[key], key).to.deep.equal(single[key]);
  });
});
