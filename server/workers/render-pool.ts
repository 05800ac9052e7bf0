/**
 * Render threads for the report pages: the busiest pages (an evaluation's ranking, a unit's report)
 * are made on another core while the main thread goes on answering requests. Each thread holds the
 * report contexts it has read from their snapshots (report-snapshots.ts). A page of a context no
 * thread holds yet is answered `undefined`: the caller makes it in its own thread as before, while
 * the threads read that context. So the first page after a restart is not held up by the threads,
 * an evaluation without a snapshot yet is served as before, and a thread that fails costs nothing
 * but its share of the work.
 *
 * Threads start once the first page asked of the pool is answered (not at start-up, nor while that
 * page is made: they would compete with the first view), and are unref'd: they never keep the
 * process alive. Each holds its own copy of a context (about 1.3 GiB at 100,000
 * communities).
 *
 * @example const html = await pool.render(context, request, account) ?? renderHere()
 */
import type { Worker } from 'node:worker_threads';
import type { ReportContext } from '../reports/context/report-context.js';
import { reportContextKey } from '../services/report-cache.js';
import type { ReportPageRequest } from '../reports/views/report-page-models.js';
import type { FromRenderThread, PageAccount, ToRenderThread } from './render-messages.js';
import { spawnTsWorker } from './spawn-ts-worker.js';

export interface RenderPoolOptions {
  readonly threads: number;
  readonly viewsDir: string;
  readonly snapshotsDir: string;
  /** Contexts each thread holds at most. */
  readonly capacity: number;
  /** How long a context a thread could not read (no snapshot yet) is left before it is tried again. */
  readonly retryMs?: number;
  /** Told when a thread cannot start or fails (its pages are then made by the caller). */
  readonly onThreadLost?: (error: unknown) => void;
}

type Holding = { readonly state: 'loading' | 'ready' } | { readonly state: 'failed'; readonly at: number };

/** One render thread and what the pool knows of it. */
class RenderThread {
  readonly holds = new Map<string, Holding>();
  /** The pages asked and not yet answered, by id, with their context's key. */
  readonly waiting = new Map<number, { key: string; answer: (html: Uint8Array | null) => void }>();

  constructor(
    readonly worker: Worker,
    onGone: (thread: RenderThread, error?: unknown) => void,
  ) {
    worker.unref();
    worker.on('message', (message: FromRenderThread) => {
      if (message.kind === 'loaded') {
        this.holds.set(message.key, message.ok ? { state: 'ready' } : { state: 'failed', at: Date.now() });
        return;
      }
      const page = this.waiting.get(message.id);
      if (page === undefined) return;
      this.waiting.delete(message.id);
      if (!message.held) this.holds.delete(page.key);
      page.answer(message.html);
    });
    const gone = (error?: unknown): void => {
      for (const page of this.waiting.values()) page.answer(null);
      this.waiting.clear();
      onGone(this, error);
    };
    worker.once('error', gone);
    worker.once('exit', () => {
      gone();
    });
  }

  post(message: ToRenderThread, transfer: ArrayBuffer[] = []): void {
    this.worker.postMessage(message, transfer);
  }
}

/** A page made by a render thread: its HTML, and `sent()` to give its memory back once it is sent. */
export interface RenderedPage {
  readonly html: Uint8Array;
  readonly sent: () => void;
}

export class RenderPool {
  private threads: RenderThread[] = [];
  private nextId = 0;
  /** When a thread last ended unasked: none is started again for a while (a thread that cannot start). */
  private lastLoss = -Infinity;
  private closed = false;

  constructor(
    private readonly options: RenderPoolOptions,
    private readonly spawn: () => Worker = () =>
      spawnTsWorker(new URL('./render-worker.ts', import.meta.url)),
  ) {}

  /**
   * The page as UTF-8, made by a render thread that holds its context; undefined when none does
   * yet (the caller makes the page) or the thread could not make it. Call `sent()` once the page
   * is sent (and its bytes no longer used).
   */
  async render(
    context: ReportContext,
    request: ReportPageRequest,
    account: PageAccount,
  ): Promise<RenderedPage | undefined> {
    if (this.closed || this.options.threads < 1) return undefined;
    const key = reportContextKey(context.evaluation);
    if (this.threads.length < this.options.threads) {
      // After the page in hand is answered by the caller: a first view does not wait for threads starting.
      setImmediate(() => {
        this.startThreads();
        this.loadWhereMissing(context, key);
      });
    }
    const ready = this.threads.filter((thread) => thread.holds.get(key)?.state === 'ready');
    this.loadWhereMissing(context, key);
    const thread = ready.reduce<RenderThread | undefined>(
      (least, candidate) =>
        least === undefined || candidate.waiting.size < least.waiting.size ? candidate : least,
      undefined,
    );
    if (thread === undefined) return undefined;
    const id = this.nextId++;
    const html = new Promise<Uint8Array | null>((answer) => thread.waiting.set(id, { key, answer }));
    thread.post({ kind: 'render', id, key, request, account });
    const made = await html;
    if (made === null) return undefined;
    return {
      html: made,
      sent: () => {
        if (this.threads.includes(thread)) {
          thread.post({ kind: 'recycle', buffer: made.buffer as ArrayBuffer }, [made.buffer as ArrayBuffer]);
        }
      },
    };
  }

  /** Stops the threads (pages asked afterwards are made by the caller). */
  async close(): Promise<void> {
    this.closed = true;
    const threads = this.threads;
    this.threads = [];
    await Promise.all(threads.map((thread) => thread.worker.terminate()));
  }

  private startThreads(): void {
    const { threads, viewsDir, snapshotsDir, capacity } = this.options;
    if (this.closed || this.threads.length >= threads || Date.now() - this.lastLoss < 10_000) return;
    while (this.threads.length < threads) {
      let worker: Worker;
      try {
        worker = this.spawn();
      } catch (error) {
        this.lost(error);
        return;
      }
      const thread = new RenderThread(worker, (gone, error) => {
        if (!this.threads.includes(gone)) return;
        this.threads = this.threads.filter((t) => t !== gone);
        if (!this.closed) this.lost(error ?? new Error('a render thread stopped'));
      });
      thread.post({ kind: 'init', viewsDir, snapshotsDir, capacity });
      this.threads.push(thread);
    }
  }

  /** A thread that could not start or ended unasked: none is started again for a while. */
  private lost(error: unknown): void {
    this.lastLoss = Date.now();
    this.options.onThreadLost?.(error);
  }

  /** Asks each thread that does not hold the context (and is not reading it) to read it. */
  private loadWhereMissing(context: ReportContext, key: string): void {
    const retryMs = this.options.retryMs ?? 2000;
    for (const thread of this.threads) {
      const holding = thread.holds.get(key);
      if (holding !== undefined && (holding.state !== 'failed' || Date.now() - holding.at < retryMs))
        continue;
      thread.holds.set(key, { state: 'loading' });
      thread.post({ kind: 'load', key, evaluation: context.evaluation, version: context.version });
    }
  }
}
