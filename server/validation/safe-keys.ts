/**
 * The one rule for keys of data that comes from outside: none that starts with "$" or contains "."
 * (MongoDB operators and paths), and no "__proto__", "constructor" or "prototype" (prototype
 * pollution when the value is later merged). The store refuses them at its boundary
 * (store/validation/safe-json.ts), the web refuses them in bodies and queries (http/json-keys.ts)
 * and the intake never makes a unit attribute of them.
 *
 * @example badKeyReason('$where') // 'keys may not start with "$"'
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Why a key cannot be stored, or undefined when it can. */
export function badKeyReason(key: string): string | undefined {
  if (key.startsWith('$')) return 'keys may not start with "$"';
  if (key.includes('.')) return 'keys may not contain "."';
  if (FORBIDDEN_KEYS.has(key)) return `"${key}" is not allowed as a key`;
  return undefined;
}
