/**
 * Who evaluates (评价主体): every observation batch says where its figures come from — the
 * community's own report (`self`), a check by the street (`street`), or a survey or inspection by
 * a third party (`third_party`) — and a self-reported batch may be confirmed or returned by the
 * level above. A value's status, as pages show it, follows from both.
 *
 * @example valueStatus('self', { decision: 'confirmed', … }) // 'confirmed'
 */
export const DATA_SOURCES = ['self', 'street', 'third_party'] as const;
export type DataSource = (typeof DATA_SOURCES)[number];

/** The default order of preference: an independent check before the street's, before the community's own. */
export const DEFAULT_SOURCE_ORDER: readonly DataSource[] = ['third_party', 'street', 'self'];

export type ReviewDecision = 'confirmed' | 'returned';

/** The street's (or district's) word on a self-reported batch; once given it cannot change. */
export interface BatchReview {
  readonly decision: ReviewDecision;
  /** The login of who confirmed or returned it. */
  readonly by: string;
  readonly at: string;
  /** Why it was returned (or a note on the confirmation); null when none was given. */
  readonly reason: string | null;
}

export const VALUE_STATUSES = ['self', 'confirmed', 'returned', 'street', 'third_party'] as const;
export type ValueStatus = (typeof VALUE_STATUSES)[number];

export function valueStatus(source: DataSource, review: BatchReview | null): ValueStatus {
  if (source !== 'self') return source;
  return review === null ? 'self' : review.decision;
}

export function isDataSource(value: unknown): value is DataSource {
  return typeof value === 'string' && (DATA_SOURCES as readonly string[]).includes(value);
}
