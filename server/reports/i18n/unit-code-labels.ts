/**
 * The dictionary's labels of coded unit attributes (`level_<level>`, `peer_<group>`), taken from the
 * one list the unit register is read with (domain/unit-codes.ts).
 *
 * @example UNIT_CODE_LABELS.peer_urban_large.zh === '城市大型社区'
 */
import { LEVEL_LABELS, PEER_GROUPS, type CodeLabel, type PeerGroup } from '../../domain/unit-codes.js';
import type { UnitLevel } from '../../domain/unit.js';

function prefixed<P extends string, K extends string>(
  prefix: P,
  labels: Readonly<Record<K, CodeLabel>>,
): Readonly<Record<`${P}_${K}`, CodeLabel>> {
  // Every key is `<prefix>_<code>` for a code of `labels`.
  return Object.fromEntries(
    Object.entries<CodeLabel>(labels).map(([code, label]) => [`${prefix}_${code}`, label]),
  ) as Record<`${P}_${K}`, CodeLabel>;
}

export const UNIT_CODE_LABELS = {
  ...prefixed<'level', UnitLevel>('level', LEVEL_LABELS),
  ...prefixed<'peer', PeerGroup>('peer', PEER_GROUPS),
};
