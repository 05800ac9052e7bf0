/**
 * The change of a score since the previous period, with its direction: up or down when it moved by
 * at least `step` points (1 by default), level otherwise; null without both values.
 *
 * @example scoreChange(61.2, 58.4) // { delta: 2.8, direction: 'up' }
 */
export type ChangeDirection = 'up' | 'level' | 'down';

export interface ScoreChange {
  readonly delta: number;
  readonly direction: ChangeDirection;
}

export function scoreChange(current: number, previous: number, step = 1): ScoreChange | null {
  if (!Number.isFinite(current) || !Number.isFinite(previous)) return null;
  const delta = current - previous;
  return { delta, direction: delta >= step ? 'up' : delta <= -step ? 'down' : 'level' };
}
