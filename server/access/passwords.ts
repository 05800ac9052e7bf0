/**
 * Password hashing with scrypt (node:crypto; memory-hard, no native add-on to build). The
 * default cost is OWASP's minimum for scrypt: N = 2^17, r = 8, p = 1 (128 MiB, about 0.3 s here).
 * The parameters travel inside the hash, so a stored hash keeps verifying after the default
 * changes, and tests may hash with a cheaper cost.
 *
 * @example
 * const stored = await hashPassword('correct horse battery');   // 'scrypt$ln=17,r=8,p=1$<salt>$<key>'
 * await verifyPassword('correct horse battery', stored);        // true
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { ValidationError, type ProblemDetail } from '../errors.js';

export interface ScryptCost {
  /** log2 of N. */
  readonly ln: number;
  readonly r: number;
  readonly p: number;
}

export const DEFAULT_COST: ScryptCost = { ln: 17, r: 8, p: 1 };
const KEY_BYTES = 32;
const SALT_BYTES = 16;
const FORMAT = /^scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9_-]{16,})\$([A-Za-z0-9_-]{32,})$/;

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;
/**
 * How long a password field may be on the way in (UTF-16 units), before the length rule is applied:
 * room for MAX_PASSWORD_LENGTH code points however they are encoded or composed.
 */
export const PASSWORD_INPUT_LIMIT = 1000;

/**
 * The one length rule, for setting a password and for logging in alike. The minimum counts the
 * characters a person sees (grapheme clusters: an emoji is one); the maximum counts Unicode code
 * points of the NFC form that scrypt hashes, so that it bounds the input too (one grapheme may
 * carry any number of combining marks). 120 emoji are 120 of either; a family emoji joined by
 * zero-width joiners is one character but seven code points.
 */
export function passwordLength(password: string): { readonly seen: number; readonly codePoints: number } {
  if (password.length > PASSWORD_INPUT_LIMIT) return { seen: Infinity, codePoints: Infinity };
  const seen = Array.from(new Intl.Segmenter().segment(password)).length;
  return { seen, codePoints: Array.from(password.normalize('NFC')).length };
}

/** Whether a password breaks the maximum of the length rule (a login with it can never succeed). */
export function passwordTooLong(password: string): boolean {
  return passwordLength(password).codePoints > MAX_PASSWORD_LENGTH;
}

function scrypt(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const options: ScryptOptions = {
    N: 2 ** cost.ln,
    r: cost.r,
    p: cost.p,
    maxmem: 2 * 128 * 2 ** cost.ln * cost.r + 1024 * 1024,
  };
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await scrypt(password, salt, cost);
  return `scrypt$ln=${cost.ln},r=${cost.r},p=${cost.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** False for a wrong password and for a hash this module did not write (never throws on those). */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const match = FORMAT.exec(stored ?? '');
  if (match === null || passwordTooLong(password)) return false;
  const [, ln, r, p, salt, key] = match as unknown as [string, string, string, string, string, string];
  const cost = { ln: Number(ln), r: Number(r), p: Number(p) };
  if (cost.ln < 10 || cost.ln > 20 || cost.r > 32 || cost.p > 4) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), cost);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** The problems with a new password (empty when it is acceptable): length, and not the login itself. */
export function passwordProblems(password: string, login: string): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  const { seen, codePoints } = passwordLength(password);
  if (seen < MIN_PASSWORD_LENGTH)
    problems.push({
      where: 'password',
      message: `use at least ${MIN_PASSWORD_LENGTH} characters (found ${seen})`,
      zh: `至少需要 ${MIN_PASSWORD_LENGTH} 个字符（现有 ${seen} 个）`,
    });
  if (codePoints > MAX_PASSWORD_LENGTH)
    problems.push({
      where: 'password',
      message: `use at most ${MAX_PASSWORD_LENGTH} characters, counted as Unicode code points (some emoji count as several; found ${codePoints === Infinity ? `over ${PASSWORD_INPUT_LIMIT}` : codePoints})`,
      zh: `最多 ${MAX_PASSWORD_LENGTH} 个字符，按 Unicode 码位计算（有些表情符号算作多个；现有 ${codePoints === Infinity ? `超过 ${PASSWORD_INPUT_LIMIT}` : codePoints} 个）`,
    });
  if (password.trim().toLowerCase() === login.trim().toLowerCase())
    problems.push({
      where: 'password',
      message: 'the password may not be the login',
      zh: '密码不能与登录名相同',
    });
  return problems;
}

/** Throws a ValidationError naming every problem with a new password. */
export function assertAcceptablePassword(password: string, login: string): void {
  const problems = passwordProblems(password, login);
  if (problems.length > 0)
    throw new ValidationError({ zh: '密码不符合要求', en: 'the password is not acceptable' }, problems);
}
