/**
 * A render thread: it holds report contexts read from their snapshots (the same files the main
 * thread reads after a restart) and makes the ranking and unit pages of them with the same
 * templates and view models as the main thread (report-page-models.ts), so the pages are the same
 * byte for byte. It answers each page as UTF-8 bytes, transferred; anything it cannot do is
 * answered with no page, and the main thread makes that page itself.
 */
import { parentPort } from 'node:worker_threads';
import { loadViews, type Views } from '../http/views.js';
import { assembleReportContext, type ReportContext } from '../reports/context/report-context.js';
import { withAccount } from '../reports/views/account-chrome.js';
import { reportPageModel } from '../reports/views/report-page-models.js';
import { ReportSnapshots } from '../services/report-snapshots.js';
import type {
  FromRenderThread,
  RenderInit,
  RenderLoad,
  RenderPage,
  ToRenderThread,
} from './render-messages.js';

const port = parentPort;
if (port === null) throw new Error('render-worker must run in a worker thread');

let views: Views | undefined;
let snapshots: ReportSnapshots | undefined;
let capacity = 1;
/** Contexts held, least recently used first. */
const contexts = new Map<string, ReportContext>();
const encoder = new TextEncoder();
/**
 * Pages' memory given back by the main thread once sent. A page is encoded in one pass into room
 * enough (3 bytes a UTF-16 unit) and its buffer transferred, so no page is copied and the main thread
 * holds no page's memory after sending it: memory outside its heap, allocated per page, would make
 * its collector run far more often.
 */
const spare: ArrayBuffer[] = [];
const SPARE_KEPT = 64;
const MIN_BUFFER = 1 << 18;

function utf8(text: string): Uint8Array {
  const need = text.length * 3;
  const at = spare.findIndex((buffer) => buffer.byteLength >= need);
  const buffer = spare.splice(at, at >= 0 ? 1 : 0)[0] ?? new ArrayBuffer(Math.max(need, MIN_BUFFER));
  const { written } = encoder.encodeInto(text, new Uint8Array(buffer));
  return new Uint8Array(buffer, 0, written);
}

function reply(message: FromRenderThread, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(message, transfer);
}

function init(message: RenderInit): void {
  views = loadViews(message.viewsDir);
  snapshots = new ReportSnapshots(message.snapshotsDir);
  capacity = Math.max(1, message.capacity);
}

async function load(message: RenderLoad): Promise<void> {
  const { evaluation } = message;
  const sections = await snapshots?.peek(evaluation.id, evaluation.results?.sha256 ?? '');
  if (sections !== undefined) {
    contexts.delete(message.key);
    contexts.set(message.key, assembleReportContext(evaluation, sections, message.version));
    for (const old of contexts.keys()) {
      if (contexts.size <= capacity) break;
      contexts.delete(old);
    }
  }
  reply({ kind: 'loaded', key: message.key, ok: sections !== undefined });
}

function render(message: RenderPage): void {
  const context = contexts.get(message.key);
  if (context === undefined || views === undefined) {
    reply({ kind: 'rendered', id: message.id, html: null, held: false });
    return;
  }
  contexts.delete(message.key);
  contexts.set(message.key, context);
  let html: Uint8Array;
  try {
    const { viewer, csrf } = message.account;
    const model = withAccount(reportPageModel(context, message.request), viewer, csrf);
    html = utf8(views.render(message.request.page, model));
  } catch {
    reply({ kind: 'rendered', id: message.id, html: null, held: true });
    return;
  }
  reply({ kind: 'rendered', id: message.id, html, held: true }, [html.buffer as ArrayBuffer]);
}

port.on('message', (message: ToRenderThread) => {
  if (message.kind === 'recycle') {
    if (spare.length < SPARE_KEPT) spare.push(message.buffer);
  } else if (message.kind === 'init') init(message);
  else if (message.kind === 'render') render(message);
  else
    load(message).catch(() => {
      reply({ kind: 'loaded', key: message.key, ok: false });
    });
});
