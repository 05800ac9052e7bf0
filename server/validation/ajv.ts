/**
 * The one ajv instance for boundary schemas (the store, the requests, stored results): strict mode (unknown keywords are
 * errors), every error reported at once, union types such as ["string", "number"], and the
 * date/date-time formats. ajv's "number" type already refuses NaN and Infinity.
 */
import { Ajv } from 'ajv';
import { createRequire } from 'node:module';
import type FormatsModule from 'ajv-formats';

// ajv-formats is CommonJS with an ES default in its typings; require keeps both honest (as for nedb).
const require = createRequire(import.meta.url);
const addFormats = require('ajv-formats') as typeof FormatsModule.default;

export const storeAjv = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true });
addFormats(storeAjv, ['date', 'date-time']);
