/**
 * The ranking's filters on the demo city: whether the matching units come from one district's list
 * or a search's finds put in display order, or from a scan of the whole level, they are exactly the
 * units of the unfiltered order that pass every filter, in that order. The reference here tests each
 * unit of the order against the query by hand (its district, peer group, search text and scope).
 */
import { expect } from 'chai';
import { demoContext } from '../demo-context.js';
import type { ReportContext } from '../../../server/reports/context/report-context.js';
import { reportScope } from '../../../server/reports/context/report-scope.js';
import type { Lang } from '../../../server/reports/i18n/lang.js';
import { rankingMatches, type RankingQuery } from '../../../server/reports/views/ranking-table.js';
import type { UnitLevel } from '../../../server/domain/unit.js';

function byHand(context: ReportContext, query: RankingQuery, lang: Lang): number[] {
  const { units } = context;
  const unfiltered = rankingMatches(
    context,
    { period: query.period, level: query.level, sort: query.sort, dir: query.dir, page: 1 },
    lang,
  );
  const district = query.district === undefined ? undefined : units.index.get(query.district);
  const peer = query.peer === undefined ? undefined : units.peerGroupNames.indexOf(query.peer);
  const needle = query.q?.trim().toLowerCase();
  return Array.from(unfiltered).filter(
    (unit) =>
      (query.district === undefined || units.districts[unit] === district) &&
      (peer === undefined || units.peerGroupIds[unit] === peer) &&
      (needle === undefined || (units.search[unit] ?? '').includes(needle)) &&
      (query.scope === undefined || query.scope.allows(unit)),
  );
}

describe('reports: ranking filters from few candidates or a scan', function () {
  this.timeout(120_000);
  let context: ReportContext;
  let dispose: () => Promise<void>;

  before(async () => {
    ({ context, dispose } = await demoContext());
  });
  after(async () => {
    await dispose();
  });

  it('gives the units of the order that pass every filter, in its order, for every district, search and scope', () => {
    const { units } = context;
    const districts = units.codes.filter((_, unit) => units.levels[unit] === 'district');
    const street = units.codes.find((_, unit) => units.levels[unit] === 'street') ?? '';
    const community = units.codes.find((_, unit) => units.levels[unit] === 'community') ?? '';
    const name = units.search[units.index.get(community) ?? 0]?.split(' ').at(-1) ?? '';
    // A street code matches its own communities (few); 'wy' matches every unit (a scan).
    const needles = [street.toLowerCase(), community.slice(0, 4), name.slice(0, 2), 'WY', 'no such unit'];
    const scoped = reportScope(context, [districts[1] ?? '']);
    expect(districts.length).to.be.at.least(3);
    let checked = 0;
    let nonEmpty = 0;
    for (const level of ['community', 'street'] as UnitLevel[])
      for (const sort of ['rank', 'name', 'score'])
        for (const lang of ['zh', 'en'] as Lang[]) {
          const base: RankingQuery = { period: context.latest, level, sort, page: 1 };
          const queries: RankingQuery[] = [
            ...districts.map((district) => ({ ...base, district })),
            { ...base, district: 'nowhere' },
            ...needles.map((q) => ({ ...base, q })),
            ...districts.map((district) => ({ ...base, district, q: needles[1] })),
            { ...base, district: districts[0], peer: units.peerGroupNames[0] },
            { ...base, q: needles[0], scope: scoped },
            { ...base, peer: units.peerGroupNames[0], dir: 'asc' },
            { ...base, district: districts[2], dir: 'desc' },
          ];
          for (const query of queries) {
            const found = Array.from(rankingMatches(context, query, lang));
            expect(found, JSON.stringify({ ...query, scope: query.scope?.key })).to.deep.equal(
              byHand(context, query, lang),
            );
            checked++;
            if (found.length > 0) nonEmpty++;
          }
        }
    expect(checked).to.be.above(100);
    expect(nonEmpty).to.be.above(checked / 2);
  });

  it('keeps a peer group’s units per order: asked again, or in another order, the same as by hand', () => {
    const { units } = context;
    for (let round = 0; round < 2; round++)
      for (const peer of units.peerGroupNames)
        for (const period of [0, context.latest])
          for (const sort of ['rank', 'name', 'population'])
            for (const dir of ['asc', 'desc'] as const) {
              const query: RankingQuery = { period, level: 'community', sort, dir, peer, page: 1 };
              expect(Array.from(rankingMatches(context, query, 'zh')), JSON.stringify(query)).to.deep.equal(
                byHand(context, query, 'zh'),
              );
            }
  });
});
