/**
 * The units picker of the compare page, shown until two to four units are chosen: checkboxes of the
 * units the reader may see, of the level of the first unit named (the unit page links
 * `?units=<its code>`), that unit ticked. Its peer group comes first, then the units with the same
 * parent, then the rest of the level (folded). When the reader may see no other unit of that level
 * (an official scoped to one district), the units below it are offered instead. Without a unit
 * named, the highest level with two visible units. A GET form: works without JavaScript.
 *
 * @example comparePicker(context, scope, ['WY03S01C00'], 'zh').groups[0]?.title === '同类组：城市大型社区'
 */
import { UNIT_LEVELS, type UnitLevel } from '../../domain/unit.js';
import type { ReportContext } from '../context/report-context.js';
import type { ReportScope } from '../context/report-scope.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelOf, labelsFor } from '../i18n/labels.js';
import { unitName } from './unit-names.js';

export interface PickerUnit {
  readonly code: string;
  readonly name: string;
  readonly checked: boolean;
}

export interface PickerGroup {
  readonly title: string;
  /** Shown unfolded (the peers and the same parent); the rest of the level is folded. */
  readonly open: boolean;
  readonly units: readonly PickerUnit[];
}

export interface ComparePicker {
  readonly intro: string;
  readonly note: string | null;
  readonly groups: readonly PickerGroup[];
}

function visibleAt(context: ReportContext, scope: ReportScope, level: UnitLevel): number[] {
  return (context.units.byLevel.get(level) ?? []).filter((u) => scope.allows(u));
}

function byCode(context: ReportContext): (a: number, b: number) => number {
  const codes = context.units.codes;
  return (a, b) => ((codes[a] ?? '') < (codes[b] ?? '') ? -1 : 1);
}

/** The units offered and the unit they are offered around (−1 for none). */
function candidates(
  context: ReportContext,
  scope: ReportScope,
  anchor: number,
): { units: number[]; anchor: number; below: boolean } {
  const { units } = context;
  if (anchor >= 0) {
    const same = visibleAt(context, scope, units.levels[anchor] ?? 'community');
    if (same.length >= 2) return { units: same, anchor, below: false };
    const children = (units.children[anchor] ?? []).filter((u) => scope.allows(u));
    return { units: children, anchor: -1, below: true };
  }
  for (const level of UNIT_LEVELS) {
    const visible = visibleAt(context, scope, level);
    if (visible.length >= 2) return { units: visible, anchor: -1, below: false };
  }
  return { units: [], anchor: -1, below: false };
}

export function comparePicker(
  context: ReportContext,
  scope: ReportScope,
  codes: readonly string[],
  lang: Lang,
): ComparePicker {
  const t = labelsFor(lang);
  const { units } = context;
  const named = codes.map((code) => units.index.get(code) ?? -1).filter((u) => u >= 0 && scope.allows(u));
  const found = candidates(context, scope, named[0] ?? -1);
  const checked = new Set(named);
  const item = (u: number): PickerUnit => ({
    code: units.codes[u] ?? '',
    name: unitName(units, u, lang),
    checked: checked.has(u),
  });
  const sorted = [...found.units].sort(byCode(context));
  const anchor = found.anchor;
  const groups: PickerGroup[] = [];
  let rest = sorted;
  if (anchor >= 0) {
    const peer = units.peerGroups[anchor];
    const peers = sorted.filter((u) => units.peerGroups[u] === peer);
    const parent = units.parents[anchor] ?? -1;
    const siblings = sorted.filter((u) => !peers.includes(u) && parent >= 0 && units.parents[u] === parent);
    rest = sorted.filter((u) => !peers.includes(u) && !siblings.includes(u));
    groups.push({
      title: fill(t.pickerPeers, { group: labelOf(lang, 'peer', peer ?? 'all') }),
      open: true,
      units: [anchor, ...peers.filter((u) => u !== anchor)].map(item),
    });
    if (siblings.length > 0)
      groups.push({
        title: fill(t.pickerSameParent, { parent: unitName(units, parent, lang) }),
        open: true,
        units: siblings.map(item),
      });
  }
  if (rest.length > 0) {
    const level = labelOf(lang, 'level', units.levels[rest[0] ?? -1] ?? 'community');
    groups.push({
      title: anchor >= 0 ? fill(t.pickerOthers, { level }) : level,
      open: anchor < 0,
      units: rest.map(item),
    });
  }
  return {
    intro: t.pickerIntro,
    note: found.units.length < 2 ? t.pickerNone : found.below ? t.pickerBelow : null,
    groups: found.units.length < 2 ? [] : groups,
  };
}
