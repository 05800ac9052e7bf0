/**
 * The messages between the render pool (render-pool.ts) and its render threads (render-worker.ts).
 *
 * main → thread: `init` once (where the templates and the snapshots are), `load` to read an
 * evaluation's report context from its snapshot, `render` to make one page of a loaded context,
 * `recycle` to give back a page's memory once it is sent (the thread encodes later pages into it).
 * thread → main: `loaded` (whether the context is now held), `rendered` (the page's UTF-8 bytes,
 * transferred, or nothing when the thread does not hold the context or the page failed: the main
 * thread then makes the page itself, so an error is reported the usual way).
 */
import type { Evaluation } from '../domain/evaluation.js';
import type { ReportPageRequest } from '../reports/views/report-page-models.js';
import type { Viewer } from '../reports/views/account-chrome.js';

export interface RenderInit {
  readonly kind: 'init';
  readonly viewsDir: string;
  readonly snapshotsDir: string;
  /** Contexts a thread holds at most (the least recently used goes). */
  readonly capacity: number;
}

export interface RenderLoad {
  readonly kind: 'load';
  /** The report cache's key of the context (evaluation, status, results' SHA-256). */
  readonly key: string;
  readonly evaluation: Evaluation;
  readonly version: string;
}

/** Who reads the page: its header's account and the CSRF token of its forms. */
export interface PageAccount {
  readonly viewer: Viewer | null;
  readonly csrf: string;
}

export interface RenderPage {
  readonly kind: 'render';
  readonly id: number;
  readonly key: string;
  readonly request: ReportPageRequest;
  readonly account: PageAccount;
}

/** A page's memory, sent: the thread encodes a later page into it. */
export interface RenderRecycle {
  readonly kind: 'recycle';
  readonly buffer: ArrayBuffer;
}

export interface RenderLoaded {
  readonly kind: 'loaded';
  readonly key: string;
  readonly ok: boolean;
}

export interface RenderedPage {
  readonly kind: 'rendered';
  readonly id: number;
  /** The page's HTML as UTF-8 (at the start of a larger buffer); null when this thread could not make it. */
  readonly html: Uint8Array | null;
  /** Whether the thread holds the context (false: it was dropped, to be read again). */
  readonly held: boolean;
}

export type ToRenderThread = RenderInit | RenderLoad | RenderPage | RenderRecycle;
export type FromRenderThread = RenderLoaded | RenderedPage;
