/**
 * An AppError as a command's error: its message and, one per line, every problem it lists (the
 * field and what is wrong), so that bad input exits 1 with a message that names the field.
 *
 * @example cliErrorOf(new ValidationError('the password is not acceptable', [{ where: 'password', message: 'use at least 10 characters (found 4)' }]))
 * // CliError "the password is not acceptable\n  password: use at least 10 characters (found 4)"
 */
import { AppError } from '../../server/errors.js';
import { CliError } from './cli-error.js';

export function cliErrorOf(error: unknown): unknown {
  if (!(error instanceof AppError)) return error;
  const details = error.details
    .filter((detail) => !error.message.includes(detail.message))
    .map((detail) => `  ${detail.where === undefined ? '' : `${detail.where}: `}${detail.message}`);
  return new CliError([error.message, ...details].join('\n'));
}
