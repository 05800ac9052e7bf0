/**
 * Refuses request keys that could reach a database query or an object's prototype: any key that
 * starts with "$" (MongoDB operators), contains "." (MongoDB paths), or is "__proto__",
 * "constructor" or "prototype". Mount right after express.json; it checks the parsed JSON body
 * and the query string, and answers 400 naming a bad key by its path. A body nested deeper than
 * MAX_JSON_DEPTH (64) levels is refused first, 400 naming the limit.
 *
 * @example
 * api.use(express.json(), refuseUnsafeKeys());
 * // POST {"methods": {"$where": "1"}} → 400, errors: [{ where: 'body/methods/$where', … }]
 */
import type { RequestHandler } from 'express';
import { ValidationError } from '../errors.js';
import { TOO_DEEP_MESSAGE, valueDeeperThan } from '../indicators/json-depth.js';
import { badKeyReason } from '../validation/safe-keys.js';

interface Pending {
  readonly value: unknown;
  readonly where: string;
}

/** The path and reason of an unsafe key in `value` (the first one met), or undefined when all are safe. */
export function firstUnsafeKey(value: unknown, root: string): { where: string; reason: string } | undefined {
  // Iterative, so a deeply nested body cannot overflow the stack.
  const pending: Pending[] = [{ value, where: root }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value: current, where } = next;
    if (typeof current !== 'object' || current === null || Buffer.isBuffer(current)) continue;
    if (Array.isArray(current)) {
      current.forEach((item: unknown, index) => pending.push({ value: item, where: `${where}/${index}` }));
      continue;
    }
    // JSON.parse makes "__proto__" an own property: Object.keys sees it, `in` tricks do not matter.
    for (const key of Object.keys(current)) {
      const reason = badKeyReason(key);
      if (reason !== undefined) return { where: `${where}/${key}`, reason };
      pending.push({ value: (current as Record<string, unknown>)[key], where: `${where}/${key}` });
    }
  }
  return undefined;
}

export function refuseUnsafeKeys(): RequestHandler {
  return (req, _res, next) => {
    // Depth first, before any handler walks the body recursively (JSON.stringify, ajv).
    const deepAt = valueDeeperThan(req.body);
    if (deepAt !== undefined) {
      throw new ValidationError(`the JSON body is ${TOO_DEEP_MESSAGE}`, [
        { where: `body${deepAt}`, message: TOO_DEEP_MESSAGE },
      ]);
    }
    const found = firstUnsafeKey(req.query, 'query') ?? firstUnsafeKey(req.body, 'body');
    if (found !== undefined) {
      throw new ValidationError(`the request has a key that is not allowed at ${found.where}`, [
        { where: found.where, message: found.reason },
      ]);
    }
    next();
  };
}
