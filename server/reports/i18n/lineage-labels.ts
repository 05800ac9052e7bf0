/**
 * The labels of an evaluation's versions (the lineage on the evaluation and methodology pages),
 * Chinese first. Part of the one dictionary (dictionary.ts spreads them in), kept apart only
 * because they belong together.
 */
import type { BilingualText } from './pick.js';

export const LINEAGE_LABELS = {
  lineageVersion: { zh: '第 {n} 版', en: 'Version {n}' },
  lineageReplaces: { zh: '替代第 {n} 版', en: 'Replaces version {n}' },
  lineageNewer: { zh: '已有新版本', en: 'A newer version exists' },
  lineageNewerLink: { zh: '查看第 {n} 版（{at} 发布）', en: 'See version {n} (published {at})' },
  lineageTitle: { zh: '版本沿革', en: 'Versions' },
  lineageIntro: {
    zh: '已发布的评估不可更改；每次修改都形成一个新版本，注明所替代的版本和修改原因。未发布的草稿不列入。',
    en: 'A published evaluation never changes: each change is a new version that names the one it replaces and why. Unpublished drafts are not listed.',
  },
  lineageThis: { zh: '（本版）', en: ' (this version)' },
  lineageReason: { zh: '修改原因：{reason}', en: 'Reason for the change: {reason}' },
  lineageFirst: { zh: '首版', en: 'first version' },
  colReason: { zh: '修改原因', en: 'Reason for the change' },
  colEvaluationVersion: { zh: '评估版本', en: 'Evaluation version' },
  colSupersedes: { zh: '替代的评估', en: 'Replaces evaluation' },
} as const satisfies Readonly<Record<string, BilingualText>>;
