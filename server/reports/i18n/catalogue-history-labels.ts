/**
 * The words of the catalogue's version history (the /indicators page) and of framework versions
 * on the evaluation forms and the draft review, Chinese first. Part of the one dictionary
 * (dictionary.ts spreads them in).
 */
import type { BilingualText } from './pick.js';

export const CATALOGUE_HISTORY_LABELS = {
  historyTitle: { zh: '目录版本历史', en: 'Catalogue version history' },
  historyIntro: {
    zh: '指标、维度和框架的定义按版本保存；每次发布都生成一个完整的新版本，旧版本不会改变，按旧框架版本做的评估总能找到它的定义。',
    en: 'Indicator, dimension and framework definitions are kept version by version; every publication makes a complete new version and older ones never change, so an evaluation made with an older framework version can always find its definitions.',
  },
  historyCurrent: { zh: '当前版本：{version}', en: 'Current version: {version}' },
  historyVersion: { zh: '版本', en: 'Version' },
  historyDate: { zh: '时间', en: 'Date' },
  historyActor: { zh: '发布人', en: 'Published by' },
  historyOrigin: { zh: '来源', en: 'Origin' },
  historyReason: { zh: '理由', en: 'Reason' },
  historyChanges: { zh: '变更', en: 'Changes' },
  historyNoChanges: { zh: '无', en: 'none' },
  historyFiles: { zh: '{count} 个文件', en: '{count} files' },
  catalogueOrigin_seed: { zh: '种子目录', en: 'seed folder' },
  catalogueOrigin_app: { zh: '应用内发布', en: 'published in the app' },
  catalogueOrigin_folder: { zh: '目录导入', en: 'folder import' },
  catalogueChange_added: { zh: '新增', en: 'added' },
  catalogueChange_changed: { zh: '修改', en: 'changed' },
  catalogueChange_removed: { zh: '删除', en: 'removed' },
  definitionKind_indicator: { zh: '指标', en: 'indicator' },
  definitionKind_dimension: { zh: '维度', en: 'dimension' },
  definitionKind_framework: { zh: '框架', en: 'framework' },
  stage_frameworkVersion: { zh: '框架版本', en: 'Framework version' },
  formFrameworkVersion: { zh: '框架版本', en: 'Framework version' },
  formFrameworkVersionNewest: { zh: '（最新）', en: ' (newest)' },
  formFrameworkVersionPrevious: { zh: '（上一版本所用）', en: ' (used by the previous version)' },
  formFrameworkVersionOption: {
    zh: '{version}，目录版本 {catalogue}',
    en: '{version}, catalogue version {catalogue}',
  },
} as const satisfies Readonly<Record<string, BilingualText>>;
