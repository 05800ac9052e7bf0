/**
 * The labels of the "my priorities" control on an evaluation's page (issue 16: an official rates each
 * dimension 0–5 and sees the units re-ranked, nothing saved), Chinese first. Part of the one
 * dictionary (dictionary.ts spreads them in), kept apart only because they belong together.
 */
import type { BilingualText } from './pick.js';

export const PRIORITIES_LABELS = {
  prioritiesTitle: { zh: '我的侧重', en: 'My priorities' },
  prioritiesIntro: {
    zh: '给每个维度打 0–5 分（0 = 不考虑，5 = 最重要），按您的侧重重新排名。只是试算：不保存任何内容，不改变已发布的结果。',
    en: 'Rate each dimension 0–5 (0 = leave out, 5 = most important) to re-rank the units by your priorities. A what-if only: nothing is saved and the published result does not change.',
  },
  prioritiesStart: {
    zh: '初始评分按已发布的权重折算（权重最大的维度为 5）。',
    en: 'The starting ratings follow the published weights (the heaviest dimension at 5).',
  },
  prioritiesRating: {
    zh: '{dimension}（已发布权重 {weight}）',
    en: '{dimension} (published weight {weight})',
  },
  prioritiesSubmit: { zh: '按我的侧重排名', en: 'Rank by my priorities' },
  prioritiesReset: { zh: '恢复初始评分', en: 'Back to the starting ratings' },
  prioritiesRho: {
    zh: '按您的侧重，排名与发布结果的相关 ρ = {rho}（斯皮尔曼等级相关，{count} 个单位）。',
    en: 'By your priorities, the ranking correlates with the published one at ρ = {rho} (Spearman, {count} units).',
  },
  prioritiesRhoNone: {
    zh: '单位不足两个或名次全部相同，无法计算与发布结果的相关 ρ。',
    en: 'Fewer than two units, or no spread in ranks: no correlation ρ with the published ranking.',
  },
  prioritiesWeights: { zh: '您的权重：{weights}。', en: 'Your weights: {weights}.' },
  prioritiesScoped: {
    zh: '名次为在全部 {total} 个单位中的名次；只列出您可查看的单位，ρ 也只就这些单位计算。',
    en: 'Ranks are among all {total} units; only the units you may see are listed, and ρ is taken over them alone.',
  },
  prioritiesShown: {
    zh: '按您的名次列出前 {shown} 个单位（共 {count} 个）。',
    en: 'The first {shown} of {count} units by your rank.',
  },
  prioritiesColOwnRank: { zh: '您的名次', en: 'Your rank' },
  prioritiesColPublishedRank: { zh: '发布名次', en: 'Published rank' },
  prioritiesColShift: { zh: '名次变化', en: 'Rank change' },
  prioritiesColOwnScore: { zh: '您的得分', en: 'Your score' },
  prioritiesColPublishedScore: { zh: '发布得分', en: 'Published score' },
  prioritiesShiftNote: {
    zh: '名次变化 = 发布名次 − 您的名次，正数表示上升。',
    en: 'Rank change = published rank − your rank; positive means moved up.',
  },
  prioritiesUpdating: { zh: '正在重新排名…', en: 'Re-ranking…' },
} as const satisfies Readonly<Record<string, BilingualText>>;
