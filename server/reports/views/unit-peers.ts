/**
 * The unit page's peers block: which peer definition the page's medians come from, and, when the
 * evaluation chose statistical nearest neighbours, the community's neighbours (names linked, nearest
 * first, with their distance and index score) and its index and dimension scores against the
 * median and best of itself and its neighbours, each figure as the results store it
 * (server/evaluation/peers-document.ts). Selection and formatting only.
 *
 * @example unitPeers(context, 0, 17, 'zh').definition // '同类：10 个结构最相近的社区（常住人口、城乡、面积、老旧小区占比）'
 */
import type { ReportContext } from '../context/report-context.js';
import { EVERY_UNIT, type ReportScope } from '../context/report-scope.js';
import { fill } from '../i18n/fill.js';
import type { Lang } from '../i18n/lang.js';
import { labelOf, labelsFor, type Labels } from '../i18n/labels.js';
import { numberFormat } from '../format/number-format.js';
import { nodeName } from './node-names.js';
import { unitHref } from './unit-names.js';

export interface NeighbourRow {
  readonly nearness: number;
  readonly name: string;
  readonly href: string | null;
  readonly distance: string;
  readonly score: string;
}

export interface NeighbourMedianRow {
  readonly name: string;
  readonly score: string;
  readonly median: string;
  readonly best: string;
  readonly gap: string;
}

export interface UnitPeers {
  /** Whether the evaluation chose nearest neighbours (else the register's groups). */
  readonly nearest: boolean;
  /** The peer definition in words. */
  readonly definition: string;
  /** What the register-group medians elsewhere on the page come from. */
  readonly registerNote: string;
  readonly missing: string | null;
  readonly neighbours: readonly NeighbourRow[];
  readonly medians: readonly NeighbourMedianRow[];
}

const ATTRIBUTE_KEYS: Readonly<Record<string, keyof Labels>> = {
  resident_population: 'peerAttributeResidentPopulation',
  urban_rural: 'peerAttributeUrbanRural',
  area_km2: 'peerAttributeAreaKm2',
  old_compound_share: 'peerAttributeOldCompoundShare',
  households: 'peerAttributeHouseholds',
};

function attributeName(t: Labels, name: string): string {
  const key = ATTRIBUTE_KEYS[name];
  return key === undefined ? name : t[key];
}

export function unitPeers(
  context: ReportContext,
  period: number,
  unit: number,
  lang: Lang,
  scope: ReportScope = EVERY_UNIT,
): UnitPeers {
  const t = labelsFor(lang);
  const format = numberFormat(lang);
  const { results, units, evaluation } = context;
  const register = fill(t.peersRegister, { group: labelOf(lang, 'peer', units.peerGroups[unit] ?? 'all') });
  const registerNote = fill(t.peersRegisterMedians, { definition: register });
  const peers = results.peers;
  const place = context.place(unit);
  if (peers === null || place === null || place.level !== results.levels[0])
    return { nearest: false, definition: register, registerNote, missing: null, neighbours: [], medians: [] };
  const separator = lang === 'zh' ? '、' : ', ';
  const definition = fill(t.peersNearest, {
    k: String(peers.k),
    attributes: peers.attributes.map((a) => attributeName(t, a)).join(separator),
  });
  const base = place.index;
  const lacking = peers.missing[base] ?? null;
  const rootScores = results.scores.get(results.root);
  const unitCount = results.units.length;
  const neighbours: NeighbourRow[] = [];
  for (let j = 0; j < peers.k; j++) {
    const other = peers.neighbours[base * peers.k + j] ?? -1;
    if (other < 0) break;
    const code = results.units[other] ?? '';
    const reportIndex = units.index.get(code);
    neighbours.push({
      nearness: j + 1,
      name: reportIndex === undefined ? code : (units.names[reportIndex]?.[lang] ?? code),
      href: reportIndex === undefined || !scope.allows(reportIndex) ? null : unitHref(evaluation.id, code),
      distance: (peers.distances[base * peers.k + j] ?? Number.NaN).toFixed(3),
      score: format.score(rootScores?.[period * unitCount + other] ?? Number.NaN),
    });
  }
  const row = place.row(period);
  const nodes = [results.root, ...(results.diagnostics?.leafDimensions ?? [])];
  const medians = nodes.map((id) => ({
    name: nodeName(context, id, lang),
    score: format.score(results.scores.get(id)?.[row] ?? Number.NaN),
    median: format.score(peers.median[id]?.[row] ?? Number.NaN),
    best: format.score(peers.best[id]?.[row] ?? Number.NaN),
    gap: format.signed(peers.gap[id]?.[row] ?? Number.NaN),
  }));
  return {
    nearest: true,
    definition,
    registerNote,
    missing: lacking === null ? null : fill(t.peersMissing, { attribute: attributeName(t, lacking) }),
    neighbours,
    medians: lacking === null ? medians : [],
  };
}
