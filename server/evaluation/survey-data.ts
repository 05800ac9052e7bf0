/**
 * Reads the survey respondents an evaluation needs: the current respondents of each of its periods
 * (none read when the framework reports no survey indicators), and a fingerprint of the batches
 * they came from, so an evaluation can say which survey files it rests on.
 */
import { createHash } from 'node:crypto';
import type { ResolvedFramework } from '../indicators/registry-types.js';
import type { Store } from '../store/store.js';
import type { SurveyPeriod } from './surveys-document.js';

export interface SurveyData {
  readonly periods: readonly SurveyPeriod[];
  readonly fingerprint: string;
}

export async function loadSurveyData(
  store: Store,
  framework: ResolvedFramework,
  periodIds: readonly string[],
): Promise<SurveyData | undefined> {
  if (framework.surveys.length === 0) return undefined;
  const hash = createHash('sha256');
  const periods: SurveyPeriod[] = [];
  for (const id of periodIds) {
    const respondents = await store.responses.current({ period: id });
    const seen = new Set<string>();
    for (const r of respondents) {
      const key = `${r.unit}\t${id}\t${r.batch}\t${r.sequence}\n`;
      if (!seen.has(key)) hash.update(key);
      seen.add(key);
    }
    periods.push({ id, respondents });
  }
  return { periods, fingerprint: hash.digest('hex') };
}
