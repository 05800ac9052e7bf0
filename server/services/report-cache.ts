/**
 * Report contexts in memory, so a page does not parse a results document per request. Published
 * evaluations are immutable: their record is read once. A draft's record is read on every request
 * and its context is keyed by the results' sha256, so new results replace the old context. Unit
 * names and the tree are frozen in the results, so the register is not read. Concurrent
 * requests for a context being built share one build; the least recently used context is dropped
 * beyond `capacity` (a 10,000-unit evaluation holds about 100 MB). A context carries its
 * evaluation's record, so the status is part of its key: right after publishing, the pages show the
 * published record (and a new ETag), and the publish use case drops the draft's contexts (forget).
 * With `snapshots`, a context's sections are kept on disk once built and read from there after a
 * restart (report-snapshots.ts), so the results document is not parsed again.
 */
import { NotFoundError } from '../errors.js';
import type { Evaluation } from '../domain/evaluation.js';
import type { Store } from '../store/store.js';
import { fnv1a } from '../reports/format/fnv1a.js';
import { assembleReportContext, type ReportContext } from '../reports/context/report-context.js';
import { contextSections } from '../reports/context/context-sections.js';
import type { ReportSnapshots } from './report-snapshots.js';

/** Report contexts kept in memory at most, by default. */
export const REPORT_CONTEXTS_KEPT = 4;

/** Names a context: the evaluation, its status (the record it carries) and the results it is made of. */
export function reportContextKey(evaluation: Evaluation): string {
  return `${evaluation.id}\n${evaluation.status}\n${evaluation.results?.sha256 ?? ''}`;
}

export class ReportCache {
  private readonly contexts = new Map<string, Promise<ReportContext>>();
  private readonly published = new Map<string, Evaluation>();

  constructor(
    private readonly store: Store,
    private readonly capacity = REPORT_CONTEXTS_KEPT,
    private readonly snapshots?: ReportSnapshots,
  ) {}

  /** The evaluation record: from memory once published, else from the store. */
  async evaluation(id: string): Promise<Evaluation> {
    const known = this.published.get(id);
    if (known !== undefined) return known;
    const evaluation = await this.store.evaluations.get(id);
    if (evaluation === undefined) throw new NotFoundError(`no evaluation ${id}`);
    if (evaluation.status === 'published') this.published.set(id, evaluation);
    return evaluation;
  }

  async context(id: string): Promise<ReportContext> {
    const evaluation = await this.evaluation(id);
    if (evaluation.results === null) throw new NotFoundError(`evaluation ${id} has no results yet`);
    const key = reportContextKey(evaluation);
    let context = this.contexts.get(key);
    if (context === undefined) {
      context = this.build(evaluation, fnv1a(key));
      this.contexts.set(key, context);
      context.catch(() => this.contexts.delete(key));
      for (const old of this.contexts.keys()) {
        if (this.contexts.size <= this.capacity) break;
        this.contexts.delete(old);
      }
    } else {
      // Most recently used last.
      this.contexts.delete(key);
      this.contexts.set(key, context);
    }
    return context;
  }

  /**
   * Drops what is kept in memory of an evaluation (its record and contexts), e.g. once it is
   * published. Its snapshots stay: they hold its results, which publishing does not change.
   */
  forget(id: string): void {
    this.published.delete(id);
    for (const key of [...this.contexts.keys()]) if (key.startsWith(`${id}\n`)) this.contexts.delete(key);
  }

  /** Drops everything kept of an evaluation that is gone (a deleted draft), snapshots included. */
  async discard(id: string): Promise<void> {
    this.forget(id);
    await this.snapshots?.discard(id);
  }

  private async build(evaluation: Evaluation, version: string): Promise<ReportContext> {
    const sha256 = evaluation.results?.sha256 ?? '';
    const kept = await this.snapshots?.read(evaluation.id, sha256);
    if (kept !== undefined) return assembleReportContext(evaluation, kept, version);
    const stored = await this.store.evaluations.readResults(evaluation.id);
    if (stored === undefined) throw new NotFoundError(`evaluation ${evaluation.id} has no results yet`);
    const sections = contextSections(stored, `evaluation ${evaluation.id} results`);
    this.snapshots?.keepLater(evaluation.id, sha256, sections);
    return assembleReportContext(evaluation, sections, version);
  }
}
