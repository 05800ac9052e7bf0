/**
 * Test helper: a copy of the definitions folder with one more framework, the default framework with
 * rural targets for the online service rate (targets that fit), as a researcher would add it.
 */
import { indicatorsDir } from '../../server/paths.js';
import { copyFolder, type TempFolder } from '../indicators/temp-folder.js';

export const RURAL_FRAMEWORK = 'default_rural_targets';

/** Rural villages: green ≥ 70 %, yellow ≥ 50 %, orange ≥ 30 % (the default: 90, 70, 50). */
export const RURAL_THRESHOLDS = { green: 70, yellow: 50, orange: 30 } as const;

export const RURAL_OVERRIDE = {
  indicator: 'online_service_rate',
  when: { urban_rural: 'rural' },
  goalposts: { floor: 20, target: 70 },
  thresholds: RURAL_THRESHOLDS,
  justification: {
    zh: '村民居住分散、老年人多、网络条件较弱，线上办理率在村一级以70%为目标：不低于70%为绿灯，不低于50%为黄灯，不低于30%为橙灯（城市社区仍为90%、70%、50%）。',
    en: 'Villagers live scattered, many are elderly and connections are weaker, so villages aim for a 70% online service rate: green from 70%, yellow from 50%, orange from 30% (urban communities keep 90%, 70%, 50%).',
  },
};

export async function withRuralTargets(): Promise<TempFolder> {
  const folder = await copyFolder(indicatorsDir);
  const framework = await folder.readJson('frameworks/default.json');
  await folder.writeJson('frameworks/default_rural_targets.json', {
    ...framework,
    id: RURAL_FRAMEWORK,
    name: { zh: '基层治理现代化指数（乡村目标）', en: 'Grassroots governance index (rural targets)' },
    overrides: [RURAL_OVERRIDE],
  });
  return folder;
}
