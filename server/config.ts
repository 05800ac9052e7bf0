/**
 * Environment → typed, validated, frozen configuration (house rule 7: fail at load).
 * Every bad variable is reported at once, each named, before anything starts.
 *
 * @example loadConfig({ PORT: '8080' }).port === 8080
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Web and API uploads: large enough for 100,000 communities × 40 variables as CSV (about 21 MB). */
export const DEFAULT_MAX_UPLOAD_MB = 32;

export interface Config {
  readonly port: number;
  readonly host: string;
  /** When set, the mongo adapter is used; otherwise the embedded store under dataDir. */
  readonly mongodbUri: string | undefined;
  readonly dataDir: string;
  readonly logLevel: LogLevel;
  readonly storeKind: 'embedded' | 'mongo';
  /** `auto`: load and evaluate the demo city when the store holds no units; `off`: never. */
  readonly demo: 'auto' | 'off';
  /** The largest file the web upload and the REST API accept (MAX_UPLOAD_MB, default 32 MiB). */
  readonly maxUploadBytes: number;
  /**
   * Express's "trust proxy" (TRUST_PROXY): which proxies may state the client address and HTTPS,
   * e.g. "loopback" behind a local nginx, or a hop count. Off by default, so X-Forwarded-For cannot
   * be forged to dodge login rate limiting. Needed for Secure cookies behind a TLS proxy.
   */
  readonly trustProxy: string | number | false;
  /**
   * Evaluation jobs that may run at once (ZHILI_MAX_JOBS, default 1); more wait in a queue. Each
   * spreads its Monte Carlo runs over every core already. Imports are not limited.
   */
  readonly maxJobs: number;
  /**
   * Threads that make the ranking and unit pages beside the main thread (ZHILI_RENDER_THREADS,
   * default one per core but one, at least 1; 0 for none). Each holds its own copy of the report
   * contexts it serves.
   */
  readonly renderThreads: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function readPort(env: Env, problems: string[]): number {
  const raw = env.PORT;
  if (raw === undefined || raw === '') return 3000;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`PORT must be an integer from 0 to 65535 (0 picks a free port); found "${raw}"`);
  }
  return port;
}

function readMongoUri(env: Env, problems: string[]): string | undefined {
  const raw = env.MONGODB_URI;
  if (raw === undefined || raw === '') return undefined;
  if (!/^mongodb(\+srv)?:\/\/[^\s]+$/.test(raw)) {
    problems.push(
      `MONGODB_URI must start with mongodb:// or mongodb+srv:// and hold no spaces; found "${raw}"`,
    );
  }
  return raw;
}

function readLogLevel(env: Env, problems: string[]): LogLevel {
  const raw = env.LOG_LEVEL;
  if (raw === undefined || raw === '') return 'info';
  const level = LOG_LEVELS.find((l) => l === raw);
  if (level === undefined) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}; found "${raw}"`);
  return level ?? 'info';
}

function readHost(env: Env, problems: string[]): string {
  const raw = env.HOST;
  if (raw === undefined || raw === '') return '127.0.0.1';
  if (/\s/.test(raw)) problems.push(`HOST must be a host name or address without spaces; found "${raw}"`);
  return raw;
}

function readDataDir(env: Env, cwd: string, problems: string[]): string {
  const raw = env.DATA_DIR;
  if (raw === undefined || raw === '') return path.resolve(cwd, 'data');
  if (raw.includes('\0')) problems.push('DATA_DIR must be a file-system path; found a NUL character');
  return path.resolve(cwd, raw);
}

function readDemo(env: Env, problems: string[]): 'auto' | 'off' {
  const raw = env.ZHILI_DEMO;
  if (raw === undefined || raw === '' || raw === 'auto') return 'auto';
  if (raw === 'off') return 'off';
  problems.push(`ZHILI_DEMO must be "auto" or "off"; found "${raw}"`);
  return 'auto';
}

function readMaxUpload(env: Env, problems: string[]): number {
  const raw = env.MAX_UPLOAD_MB;
  if (raw === undefined || raw === '') return DEFAULT_MAX_UPLOAD_MB * 1024 * 1024;
  const megabytes = Number(raw);
  if (!/^\d+$/.test(raw) || megabytes < 1 || megabytes > 1024) {
    problems.push(`MAX_UPLOAD_MB must be a whole number of megabytes from 1 to 1024; found "${raw}"`);
  }
  return megabytes * 1024 * 1024;
}

function readTrustProxy(env: Env, problems: string[]): string | number | false {
  const raw = env.TRUST_PROXY;
  if (raw === undefined || raw === '' || raw === 'off') return false;
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  if (/^[A-Za-z0-9.:/, -]{1,300}$/.test(raw)) return raw;
  problems.push(
    `TRUST_PROXY must be off, a hop count, or addresses/subnets such as "loopback"; found "${raw}"`,
  );
  return false;
}

function readMaxJobs(env: Env, problems: string[]): number {
  const raw = env.ZHILI_MAX_JOBS;
  if (raw === undefined || raw === '') return 1;
  const jobs = Number(raw);
  if (!/^\d+$/.test(raw) || jobs < 1 || jobs > 64) {
    problems.push(`ZHILI_MAX_JOBS must be a whole number of evaluation jobs from 1 to 64; found "${raw}"`);
  }
  return jobs;
}

function readRenderThreads(env: Env, problems: string[]): number {
  const raw = env.ZHILI_RENDER_THREADS;
  // The main thread keeps a core for HTTP, sessions and the store (on 2 cores, 1 render thread
  // answered faster than 2: four busy threads on two cores wait on each other).
  if (raw === undefined || raw === '') return Math.max(1, availableParallelism() - 1);
  const threads = Number(raw);
  if (!/^\d+$/.test(raw) || threads > 64) {
    problems.push(`ZHILI_RENDER_THREADS must be a whole number of threads from 0 to 64; found "${raw}"`);
  }
  return threads;
}

/** Reads the environment; throws ConfigError listing every invalid variable. */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const problems: string[] = [];
  const port = readPort(env, problems);
  const host = readHost(env, problems);
  const mongodbUri = readMongoUri(env, problems);
  const dataDir = readDataDir(env, cwd, problems);
  const logLevel = readLogLevel(env, problems);
  const demo = readDemo(env, problems);
  const maxUploadBytes = readMaxUpload(env, problems);
  const trustProxy = readTrustProxy(env, problems);
  const maxJobs = readMaxJobs(env, problems);
  const renderThreads = readRenderThreads(env, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    port,
    host,
    mongodbUri,
    dataDir,
    logLevel,
    storeKind: mongodbUri === undefined ? 'embedded' : 'mongo',
    demo,
    maxUploadBytes,
    trustProxy,
    maxJobs,
    renderThreads,
  });
}
