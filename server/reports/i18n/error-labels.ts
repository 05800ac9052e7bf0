/**
 * What an error page and a refused form say, Chinese first: the title of each error code
 * (`errorTitle_<code>`), the sentence a page shows when an error carries no Chinese message of its
 * own (`errorText_<code>`), the punctuation around details and lists (it differs by language), and the label of each form field a
 * problem can name (`formField_<name>`, so a page says 再次输入密码, not password2).
 */
export const ERROR_LABELS = {
  errorTitle_validation_failed: { zh: '输入有误', en: 'Invalid input' },
  errorText_validation_failed: {
    zh: '输入的内容不符合要求，请检查后重试。',
    en: 'The input is not acceptable.',
  },
  errorTitle_unauthenticated: { zh: '需要登录', en: 'Login required' },
  errorText_unauthenticated: { zh: '请先登录。', en: 'Please log in.' },
  errorTitle_forbidden: { zh: '无权访问', en: 'Forbidden' },
  errorText_forbidden: {
    zh: '您的角色或单位范围不允许此操作。',
    en: 'Your role or unit scope does not allow this.',
  },
  errorTitle_too_many_requests: { zh: '请求过于频繁', en: 'Too many requests' },
  errorText_too_many_requests: {
    zh: '尝试次数过多，请稍后再试。',
    en: 'Too many attempts; please try again later.',
  },
  errorTitle_not_found: { zh: '未找到', en: 'Not found' },
  errorText_not_found: {
    zh: '找不到该页面或您无权查看。',
    en: 'This page does not exist or you may not see it.',
  },
  errorTitle_conflict: { zh: '冲突', en: 'Conflict' },
  errorText_conflict: {
    zh: '此操作与当前状态冲突，未作更改。',
    en: 'This conflicts with the current state; nothing was changed.',
  },
  errorTitle_job_cancelled: { zh: '任务已取消', en: 'Job cancelled' },
  errorText_job_cancelled: {
    zh: '任务已取消，未留下任何结果。',
    en: 'The job was cancelled and left nothing behind.',
  },
  errorTitle_interrupted: { zh: '任务中断', en: 'Job interrupted' },
  errorText_interrupted: {
    zh: '服务器在任务完成前停止，未保存任何结果，请重新开始。',
    en: 'The server stopped before the job finished; nothing was stored. Please start it again.',
  },
  errorTitle_payload_too_large: { zh: '内容过大', en: 'Payload too large' },
  errorText_payload_too_large: {
    zh: '上传的内容超过了大小限制。',
    en: 'The upload is larger than the limit.',
  },
  errorTitle_unsupported_media_type: { zh: '不支持的格式', en: 'Unsupported media type' },
  errorText_unsupported_media_type: {
    zh: '不支持这种文件或请求格式。',
    en: 'This file or request format is not supported.',
  },
  errorTitle_store_unavailable: { zh: '存储不可用', en: 'Store unavailable' },
  errorText_store_unavailable: {
    zh: '数据存储暂时无法访问，请稍后再试。',
    en: 'The data store does not answer; please try again shortly.',
  },
  errorTitle_internal_error: { zh: '内部错误', en: 'Internal error' },
  errorText_internal_error: {
    zh: '发生了意外错误，请将参考编号告知管理员。',
    en: 'An unexpected error occurred; give the administrator the reference.',
  },
  errorTitle_integrity_failed: { zh: '数据校验失败', en: 'Integrity check failed' },
  errorText_integrity_failed: {
    zh: '存储的数据与写入时的校验值不符，可能在 Zhili 之外被修改。',
    en: 'Stored data no longer matches its checksum; it was changed outside Zhili.',
  },
  errorTitle_registry_invalid: { zh: '指标定义有误', en: 'Invalid indicator definitions' },
  errorText_registry_invalid: { zh: '指标定义文件有误。', en: 'The indicator definitions have problems.' },
  errorDetailFallback: { zh: '此项不符合要求。', en: 'This is not acceptable.' },
  errorStatus: { zh: '状态码 {status}', en: 'Status {status}' },
  errorReference: { zh: '参考编号：{reference}', en: 'Reference: {reference}' },
  backToFront: { zh: '返回首页', en: 'Back to the front page' },
  fieldSeparator: { zh: '：', en: ': ' },
  listSeparator: { zh: '、', en: ', ' },
  aside: { zh: '（{text}）', en: ' ({text})' },
  formField_login: { zh: '登录名', en: 'Login' },
  formField_displayName: { zh: '显示名称', en: 'Display name' },
  formField_role: { zh: '角色', en: 'Role' },
  formField_unitScope: { zh: '单位范围', en: 'Unit scope' },
  formField_scope: { zh: '单位范围', en: 'Unit scope' },
  formField_current: { zh: '当前密码', en: 'Current password' },
  formField_password: { zh: '密码', en: 'Password' },
  formField_password2: { zh: '再次输入密码', en: 'Password again' },
  formField_label: { zh: '用途', en: 'Label' },
  formField_days: { zh: '有效天数', en: 'Valid for days' },
  formField_file: { zh: '文件', en: 'File' },
  formField_kind: { zh: '数据类型', en: 'Kind of data' },
  formField_period: { zh: '评估期', en: 'Period' },
  formField_periods: { zh: '评估期', en: 'Periods' },
  formField_framework: { zh: '指标框架', en: 'Framework' },
  formField_reason: { zh: '原因', en: 'Reason' },
  formField_weighting: { zh: '权重', en: 'Weighting' },
  formField_parallel: { zh: '并行计算', en: 'Parallel computing' },
} as const;
