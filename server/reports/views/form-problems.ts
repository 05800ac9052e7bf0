/**
 * What a form shows when a change is refused: the error's message and each detail it names (the
 * field and what is wrong), as the access services (user-admin.ts, bootstrap.ts, passwords.ts)
 * report them. Only AppErrors reach a form; anything else goes to the error page.
 *
 * @example formProblems(new ValidationError('the password is not acceptable', [{ where: 'password', message: 'use at least 10 characters' }]))
 * // [{ field: null, message: 'the password is not acceptable' }, { field: 'password', message: 'use at least 10 characters' }]
 */
import type { AppError } from '../../errors.js';

export interface FormProblem {
  readonly field: string | null;
  readonly message: string;
}

export function formProblems(error: AppError): FormProblem[] {
  return [
    { field: null, message: error.message },
    ...error.details.map((detail) => ({ field: detail.where ?? null, message: detail.message })),
  ];
}

/** One problem the page itself found (its text already in the reader's language). */
export function formProblem(message: string, field: string | null = null): FormProblem[] {
  return [{ field, message }];
}
