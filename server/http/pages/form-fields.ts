/**
 * Fields of a submitted HTML form (application/x-www-form-urlencoded, parsed by express.urlencoded
 * with extended: false): one text value per name, at most `max` characters. A repeated field or an
 * overlong value is refused; a missing one reads as ''.
 *
 * @example formText(req, 'login', 100) // 'li.ming'
 */
import type { Request } from 'express';
import { ValidationError } from '../../errors.js';

export function formText(req: Request, name: string, max = 200): string {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null || Buffer.isBuffer(body)) return '';
  const value = (body as Record<string, unknown>)[name];
  if (value === undefined) return '';
  if (typeof value !== 'string' || value.length > max) {
    throw new ValidationError(`form field ${name} must be one text of at most ${max} characters`, [
      { where: name, message: Array.isArray(value) ? 'sent more than once' : 'too long' },
    ]);
  }
  return value;
}

/** Unit codes typed into a form: separated by commas (ASCII or Chinese), 、, semicolons or spaces. */
export function codeList(text: string): string[] {
  return [...new Set(text.split(/[\s,，、;；]+/).filter((code) => code !== ''))];
}
