/**
 * An error's words in the page's language: its title by code, its message (the Chinese the thrower
 * wrote, else the sentence for its code; English is the message itself) and each detail's message
 * (its Chinese, else a general sentence, so a Chinese page never shows English).
 *
 * @example errorMessage(new NotFoundError('unit WY01 is not part of evaluation e1'), 'zh') === '找不到该页面或您无权查看。'
 */
import type { AppError, ProblemDetail } from '../../errors.js';
import type { LabelKey } from './dictionary.js';
import type { Lang } from './lang.js';
import { label, labelOf } from './labels.js';

export function errorTitle(error: AppError, lang: Lang): string {
  return labelOf(lang, 'errorTitle', error.code);
}

export function errorMessage(error: AppError, lang: Lang): string {
  if (lang === 'en') return error.message;
  return error.zh ?? labelOf(lang, 'errorText', error.code);
}

export function detailMessage(detail: ProblemDetail, lang: Lang): string {
  if (lang === 'en') return detail.message;
  return detail.zh ?? label(lang, 'errorDetailFallback' satisfies LabelKey);
}
