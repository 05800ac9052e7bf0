/**
 * A JSON response body of any size: the bytes of JSON.stringify(value), written in pieces, since
 * results (or a wide scope of them) may pass V8's longest string, which res.json would build.
 *
 * @example res.type('application/json; charset=utf-8').send(jsonBody(scopedResults))
 */
import { jsonBytes } from '../store/documents/json-pieces.js';

export function jsonBody(value: unknown): Buffer {
  return jsonBytes(value);
}
