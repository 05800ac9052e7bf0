import { ValidationError } from '../errors.js';

/** Setting keys are plain identifiers, so they are safe as document ids in either adapter. */
export function assertSettingKey(key: string): void {
  if (!/^[A-Za-z][A-Za-z0-9_-]{0,99}$/.test(key)) {
    throw new ValidationError(
      `setting key must be 1–100 letters, digits, "_" or "-", starting with a letter`,
      [{ where: 'key', message: `found ${JSON.stringify(key)}` }],
    );
  }
}
