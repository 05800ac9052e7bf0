/** The definition files' JSON layout now lives with the COINr import (server/indicators/compact-json.ts). */
export { compactJson } from '../../server/indicators/compact-json.js';
