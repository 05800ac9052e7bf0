/**
 * The labels of the statistical peer groups on the unit page (which peer definition a median comes
 * from, the neighbours table) and on the methodology page, Chinese first. Part of the one dictionary
 * (dictionary.ts spreads them in).
 */
import type { BilingualText } from './pick.js';

export const PEER_LABELS = {
  peersTitle: { zh: '同类社区', en: 'Peers' },
  peersNearest: {
    zh: '同类：{k} 个结构最相近的社区（{attributes}）',
    en: 'Peers: the {k} structurally most similar communities ({attributes})',
  },
  peersRegister: { zh: '同类组：{group}（登记）', en: 'Peer group: {group} (register)' },
  peersNearestMeaning: {
    zh: '相近程度为各结构属性标准化（z 分数）后的欧氏距离；下表的中位数与最佳值取自本社区及其相近社区。',
    en: 'Similarity is the Euclidean distance between the standardised (z-score) structural attributes; the medians and bests below are over this community and its neighbours.',
  },
  peersRegisterMedians: {
    zh: '雷达图、短板诊断与提升建议中的同类中位数来自：{definition}。',
    en: 'The peer medians of the radar chart, the weakest-link diagnosis and the improvements come from: {definition}.',
  },
  peersMissing: {
    zh: '本社区缺少属性“{attribute}”，因此没有结构相近的社区。',
    en: 'This community lacks the attribute “{attribute}”, so it has no structural neighbours.',
  },
  peersMediansCaption: { zh: '与相近社区比较', en: 'Against the neighbours' },
  peersNeighboursCaption: { zh: '结构最相近的社区', en: 'Structurally most similar communities' },
  colNearness: { zh: '相近序', en: 'Nearness' },
  colDistance: { zh: '距离（标准差）', en: 'Distance (SD)' },
  colNeighbourMedian: { zh: '相近社区中位数', en: 'Neighbours’ median' },
  colNeighbourBest: { zh: '相近社区最佳', en: 'Neighbours’ best' },
  colNeighbourGap: { zh: '与中位数之差', en: 'Gap to the median' },
  peerAttributeResidentPopulation: { zh: '常住人口', en: 'resident population' },
  peerAttributeUrbanRural: { zh: '城乡', en: 'urban/rural' },
  peerAttributeAreaKm2: { zh: '面积', en: 'area' },
  peerAttributeOldCompoundShare: { zh: '老旧小区占比', en: 'old-compound share' },
  peerAttributeHouseholds: { zh: '户数', en: 'households' },
} as const satisfies Record<string, BilingualText>;
