/**
 * Benchmark of reading a large CSV through the intake into the engine's typed columns: a
 * 600,000-unit file with a unit code column, a period column and 33 numeric columns (2 % empty
 * cells), decoded, parsed, checked cell by cell like an import (unit register, periods, types and
 * ranges) and laid out as one Float64Array per variable (NaN = missing). Target: ≤ 1.5 s.
 * The file is generated deterministically into a temporary directory and removed afterwards.
 *
 * With --through-table, one more run goes the general way (a Table of cells, then the checks), the
 * path every file took before the fast path, for comparison.
 *
 * Run: node --import tsx scripts/bench/csv-read-bench.ts [--rows 600000] [--runs 3] [--through-table]
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { readIntakeFile } from '../../server/intake/intake-file.js';
import type { IntakeVariable } from '../../server/intake/intake-variable.js';
import {
  observationColumnsThroughTable,
  readObservationColumns,
} from '../../server/intake/read-observation-columns.js';

const VARIABLES = 33;

const argument = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
};
const rows = Number(argument('--rows') ?? 600_000);
const runs = Number(argument('--runs') ?? 3);

/** Half counts (integers ≥ 0), half percentages (0–100), like the default framework. */
const variables: IntakeVariable[] = Array.from({ length: VARIABLES }, (_, v) => ({
  name: `var_${String(v).padStart(2, '0')}`,
  type: v % 2 === 0 ? 'integer' : 'number',
  minimum: 0,
  ...(v % 2 === 0 ? {} : { maximum: 100 }),
  label: { zh: `变量${v}`, en: `Variable ${v}` },
  unit: v % 2 === 0 ? { zh: '户', en: 'households' } : { zh: '%', en: '%' },
}));

const code = (i: number): string => `C${String(i).padStart(7, '0')}`;

/** A deterministic pseudo-random stream (mulberry32), so every run writes the same file. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function writeData(file: string): Promise<number> {
  const next = random(20_251_204);
  const lines = [['unit_code', 'period', ...variables.map((v) => v.name)].join(',')];
  for (let i = 0; i < rows; i += 1) {
    const cells = [code(i), '2025'];
    for (let v = 0; v < VARIABLES; v += 1) {
      if (next() < 0.02) cells.push('');
      else cells.push(v % 2 === 0 ? String(Math.floor(next() * 5000)) : (next() * 100).toFixed(2));
    }
    lines.push(cells.join(','));
  }
  const text = `${lines.join('\r\n')}\r\n`;
  await writeFile(file, text);
  return Buffer.byteLength(text);
}

interface Figures {
  readonly total: number;
  /** CPU time of the process (user + system), which other jobs on the machine inflate less. */
  readonly cpu: number;
  readonly plain: boolean;
  readonly missing: number;
}

type Reader = typeof readObservationColumns;

async function readOnce(file: string, knownUnits: ReadonlySet<string>, reader: Reader): Promise<Figures> {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const read = await reader(await readIntakeFile(file, Number.MAX_SAFE_INTEGER), {
    variables,
    knownUnits,
    period: null,
  });
  const total = performance.now() - started;
  const used = process.cpuUsage(cpuBefore);
  const cpu = (used.user + used.system) / 1000;
  if (read.report.errors > 0) throw new Error(`${read.report.errors} errors in the file`);
  if (read.columns.codes.length !== rows) throw new Error(`${read.columns.codes.length} units, not ${rows}`);
  let missing = 0;
  for (const column of read.columns.periods[0]?.variables.values() ?? []) {
    for (const value of column) if (Number.isNaN(value)) missing += 1;
  }
  return { total, cpu, plain: read.plain, missing };
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const describe = (f: Figures): string =>
  `${seconds(f.total)} wall, ${seconds(f.cpu)} CPU (${f.plain ? 'fast path' : 'through a Table'}; ${f.missing.toLocaleString('en')} missing cells)`;

const dir = await mkdtemp(path.join(os.tmpdir(), 'zhili-csv-read-'));
try {
  const file = path.join(dir, 'observations.csv');
  const bytes = await writeData(file);
  const knownUnits = new Set(Array.from({ length: rows }, (_, i) => code(i)));
  const load = readFileSync('/proc/loadavg', 'utf8').trim();
  console.log(
    `${rows.toLocaleString('en')} rows × ${VARIABLES + 2} columns, ${(bytes / 1048576).toFixed(1)} MB; load average before: ${load}`,
  );
  const all: Figures[] = [];
  for (let run = 0; run < runs; run += 1) {
    const figures = await readOnce(file, knownUnits, readObservationColumns);
    all.push(figures);
    console.log(`run ${run + 1}: ${describe(figures)}`);
  }
  const best = all.reduce((a, b) => (b.total < a.total ? b : a));
  console.log(`first run: ${describe(all[0] ?? best)}`);
  console.log(`best of ${runs}: ${describe(best)}`);
  if (process.argv.includes('--through-table')) {
    const general = await readOnce(file, knownUnits, observationColumnsThroughTable);
    console.log(`through a Table: ${describe(general)}`);
  }
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  console.log(`load average after: ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
