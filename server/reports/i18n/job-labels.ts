/**
 * The labels of the jobs page (/jobs) and of job kinds and statuses, Chinese first. Part of the
 * one dictionary (dictionary.ts spreads them in), kept apart only because they belong together.
 */
import type { BilingualText } from './pick.js';

export const JOB_LABELS = {
  navJobs: { zh: '我的任务', en: 'My jobs' },
  jobsTitle: { zh: '我的任务', en: 'My jobs' },
  jobsIntro: {
    zh: '你启动的导入和评估，最新的在前（最近 50 个）。已结束的任务保留 30 天，服务器重启后仍可查看；重启时未完成的任务记为失败，未保存任何结果。',
    en: 'The imports and evaluations you started, newest first (the latest 50). Finished jobs are kept for 30 days, across server restarts; a job a restart interrupted is failed and stored nothing.',
  },
  noJobs: { zh: '你还没有启动过任务。', en: 'You have not started any job yet.' },
  colJob: { zh: '任务', en: 'Job' },
  colProgress: { zh: '进度', en: 'Progress' },
  colStarted: { zh: '开始', en: 'Started' },
  colFinished: { zh: '结束', en: 'Finished' },
  jobFollow: { zh: '查看', en: 'Follow' },
  jobProgress: { zh: '{step}（{done}/{total}）', en: '{step} ({done} of {total})' },
  jobKind_evaluation: { zh: '评估', en: 'Evaluation' },
  'jobKind_import-units': { zh: '导入单位名册', en: 'Unit register import' },
  'jobKind_import-observations': { zh: '导入指标数据', en: 'Indicator data import' },
  jobStatus_queued: { zh: '排队中', en: 'Queued' },
  jobStatus_running: { zh: '运行中', en: 'Running' },
  jobStatus_succeeded: { zh: '已完成', en: 'Succeeded' },
  jobStatus_failed: { zh: '失败', en: 'Failed' },
  jobStatus_cancelled: { zh: '已取消', en: 'Cancelled' },
} as const satisfies Readonly<Record<string, BilingualText>>;
