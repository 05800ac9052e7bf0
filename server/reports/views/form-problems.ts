/**
 * What a form shows when a change is refused: the error's message and each detail it names (the
 * field, by the label the form gives it, and what is wrong), in the page's language, as the access
 * services (user-admin.ts, bootstrap.ts, passwords.ts) report them. A field the form does not label
 * stays as its name, in <code>. Only AppErrors reach a form; anything else goes to the error page.
 *
 * @example formProblems(new ValidationError({ zh: '密码不符合要求', en: 'the password is not acceptable' }, [{ where: 'password2', message: 'differs', zh: '不一致' }]), 'zh')
 * // [{ field: null, label: null, message: '密码不符合要求' }, { field: 'password2', label: '再次输入密码', message: '不一致' }]
 */
import type { AppError } from '../../errors.js';
import { detailMessage, errorMessage } from '../i18n/error-text.js';
import type { Lang } from '../i18n/lang.js';
import { labelOf } from '../i18n/labels.js';

export interface FormProblem {
  /** The field's name, shown as code when the form has no label for it. */
  readonly field: string | null;
  /** The field's label in the page's language, when the form has one. */
  readonly label: string | null;
  readonly message: string;
}

function fieldLabel(field: string | null, lang: Lang): string | null {
  if (field === null) return null;
  const text = labelOf(lang, 'formField', field);
  return text === field ? null : text;
}

export function formProblems(error: AppError, lang: Lang): FormProblem[] {
  return [
    { field: null, label: null, message: errorMessage(error, lang) },
    ...error.details.map((detail) => {
      const field = detail.where ?? null;
      return { field, label: fieldLabel(field, lang), message: detailMessage(detail, lang) };
    }),
  ];
}

/** One problem the page itself found (its text already in the reader's language). */
export function formProblem(message: string, field: string | null, lang: Lang): FormProblem[] {
  return [{ field, label: fieldLabel(field, lang), message }];
}
