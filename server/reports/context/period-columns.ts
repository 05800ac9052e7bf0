/**
 * One period of an evaluation laid out over every report unit (base units, then the units above
 * them): each node's score and rank within the unit's level, each indicator's raw and normalised
 * value — all as the engine computed and the results store them: the base units' columns and the
 * roll-up's levels. A unit the results hold no figure for gets NaN.
 *
 * @example periodColumns(results, places, 2).scores.get('index')?.[units.index.get('WY01') ?? -1] // NaN when none
 */
import type { Columns, CompactResults, CompactRollupLevel } from './compact-results.js';
import type { LevelPlace } from './report-context.js';

/** A period's columns by id, each laid out when first asked for (a page reads a few of them). */
export interface ColumnLookup {
  get(id: string): Float64Array | undefined;
}

export interface PeriodColumns {
  readonly period: string;
  /** Root and inner nodes. */
  readonly scores: ColumnLookup;
  /** Rank within the unit's level (1 = best), NaN for none. */
  readonly ranks: ColumnLookup;
  readonly raw: ColumnLookup;
  readonly normalised: ColumnLookup;
}

/** `places` holds each report unit's place (report-context.ts), one per report unit. */
export function periodColumns(
  results: CompactResults,
  places: readonly (LevelPlace | null)[],
  period: number,
): PeriodColumns {
  const count = places.length;
  const groups = byLevel(places);
  // Level by level: one lookup per column and level, then a plain copy of rows. Only the columns
  // a page asks for are made (a 100,000-community evaluation has about 80 of 108,000 units a period).
  const columns = (pick: (level: CompactRollupLevel) => Columns, ids: readonly string[]): ColumnLookup => {
    const known = new Set(ids);
    const made = new Map<string, Float64Array>();
    return {
      get(id) {
        let out = made.get(id);
        if (out !== undefined || !known.has(id)) return out;
        out = new Float64Array(count).fill(Number.NaN);
        for (const { level, reportUnits, levelIndices } of groups) {
          const source = pick(level).get(id);
          if (source === undefined) continue;
          const first = period * level.codes.length;
          // A row past the column's end reads as missing.
          for (let i = 0; i < reportUnits.length; i++)
            out[reportUnits[i] ?? 0] = source[first + (levelIndices[i] ?? 0)] ?? Number.NaN;
        }
        made.set(id, out);
        return out;
      },
    };
  };
  const nodes = [results.root, ...results.nodes.filter((n) => n !== results.root)];
  return {
    period: results.periods[period] ?? '',
    scores: columns((level) => level.scores, nodes),
    ranks: columns((level) => level.ranks, nodes),
    raw: columns((level) => level.raw, results.indicators),
    normalised: columns((level) => level.normalised, results.indicators),
  };
}

interface LevelGroup {
  readonly level: CompactRollupLevel;
  /** The report units the level holds, and each one's position among the level's codes. */
  readonly reportUnits: Int32Array;
  readonly levelIndices: Int32Array;
}

function byLevel(places: readonly (LevelPlace | null)[]): LevelGroup[] {
  const found = new Map<CompactRollupLevel, { reportUnits: number[]; levelIndices: number[] }>();
  places.forEach((place, unit) => {
    if (place === null) return;
    let group = found.get(place.level);
    if (group === undefined) {
      group = { reportUnits: [], levelIndices: [] };
      found.set(place.level, group);
    }
    group.reportUnits.push(unit);
    group.levelIndices.push(place.index);
  });
  return [...found].map(([level, group]) => ({
    level,
    reportUnits: Int32Array.from(group.reportUnits),
    levelIndices: Int32Array.from(group.levelIndices),
  }));
}
