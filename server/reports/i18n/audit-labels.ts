/**
 * The audit log page in words: each action Zhili records (domain/audit-event.ts) and the keys its
 * details use, Chinese first. The exports keep the codes and the JSON. Part of the one dictionary
 * (dictionary.ts spreads them in), kept apart only because they belong together.
 */
import type { AuditAction } from '../../domain/audit-event.js';
import type { BilingualText } from './pick.js';

type ActionLabels = { readonly [A in AuditAction as `auditAction_${A}`]: BilingualText };

const ACTION_LABELS: ActionLabels = {
  'auditAction_setup.admin': { zh: '首次设置管理员', en: 'first administrator set up' },
  'auditAction_login.success': { zh: '登录成功', en: 'logged in' },
  'auditAction_login.failure': { zh: '登录失败', en: 'failed login' },
  auditAction_logout: { zh: '退出登录', en: 'logged out' },
  'auditAction_user.create': { zh: '新建用户', en: 'user created' },
  'auditAction_user.update': { zh: '修改用户', en: 'user changed' },
  'auditAction_user.disable': { zh: '停用用户', en: 'user disabled' },
  'auditAction_user.enable': { zh: '启用用户', en: 'user enabled' },
  'auditAction_token.create': { zh: '签发访问令牌', en: 'token issued' },
  'auditAction_token.revoke': { zh: '撤销访问令牌', en: 'token revoked' },
  'auditAction_import.commit': { zh: '导入成功', en: 'import committed' },
  'auditAction_import.duplicate': { zh: '重复导入（未改变数据）', en: 'duplicate import (nothing changed)' },
  'auditAction_import.fail': { zh: '导入失败', en: 'import failed' },
  'auditAction_evaluation.create': { zh: '新建评估', en: 'evaluation created' },
  'auditAction_evaluation.version': { zh: '制作新版本', en: 'new version made' },
  'auditAction_evaluation.publish': { zh: '发布评估', en: 'evaluation published' },
  'auditAction_evaluation.delete': { zh: '删除草稿', en: 'draft deleted' },
  'auditAction_job.cancel': { zh: '取消任务', en: 'job cancelled' },
  'auditAction_backup.create': { zh: '备份', en: 'backup made' },
  'auditAction_backup.restore': { zh: '恢复备份', en: 'backup restored' },
  'auditAction_demo.load': { zh: '载入示例城市', en: 'demo city loaded' },
  'auditAction_definitions.draft.create': { zh: '新建定义草稿', en: 'definition draft created' },
  'auditAction_definitions.draft.save': { zh: '保存定义草稿', en: 'definition draft saved' },
  'auditAction_definitions.draft.delete': { zh: '删除定义草稿', en: 'definition draft deleted' },
  'auditAction_self_evaluation.run': { zh: '社区自评', en: 'self-evaluation run' },
  'auditAction_definitions.publish': {
    zh: '发布指标目录版本',
    en: 'definitions catalogue version published',
  },
  'auditAction_batch.confirm': { zh: '确认自报数据', en: 'self-reported batch confirmed' },
  'auditAction_batch.return': { zh: '退回自报数据', en: 'self-reported batch returned' },
  'auditAction_batch.correct': { zh: '更正已审核数据', en: 'reviewed batch corrected' },
};

export const AUDIT_LABELS = {
  ...ACTION_LABELS,
  auditKey_framework: { zh: '框架', en: 'framework' },
  auditKey_periods: { zh: '期次', en: 'periods' },
  auditKey_period: { zh: '期次', en: 'period' },
  auditKey_login: { zh: '登录名', en: 'login' },
  auditKey_role: { zh: '角色', en: 'role' },
  auditKey_unitScope: { zh: '单位范围', en: 'unit scope' },
  auditKey_label: { zh: '名称', en: 'label' },
  auditKey_kind: { zh: '类别', en: 'kind' },
  auditKey_reason: { zh: '理由', en: 'reason' },
  auditKey_supersedes: { zh: '取代', en: 'supersedes' },
  auditKey_status: { zh: '状态', en: 'status' },
  auditKey_step: { zh: '步骤', en: 'step' },
  auditKey_file: { zh: '文件', en: 'file' },
  auditKey_fileName: { zh: '文件', en: 'file' },
  auditKey_counts: { zh: '行数', en: 'counts' },
  auditKey_documents: { zh: '文档数', en: 'documents' },
  auditKey_bytes: { zh: '字节', en: 'bytes' },
  auditKey_from: { zh: '自', en: 'from' },
  auditKey_to: { zh: '至', en: 'to' },
  auditKey_expiresAt: { zh: '到期', en: 'expires' },
  auditKey_displayName: { zh: '显示名', en: 'display name' },
  auditKey_version: { zh: '版本', en: 'version' },
  auditKey_changes: { zh: '变更', en: 'changes' },
  auditKey_origin: { zh: '来源', en: 'origin' },
  auditKey_frameworkVersion: { zh: '框架版本', en: 'framework version' },
  auditKey_frameworkVersionBefore: { zh: '原框架版本', en: 'framework version before' },
} as const satisfies Readonly<Record<string, BilingualText>>;
