/**
 * The names of the engine's traffic lights and trend arrows as the stored results spell them
 * (server/engine/diagnostics/codes.ts), for the view models that label them.
 *
 * @example const light: LightName = 'yellow';
 */
import type { TRAFFIC_LIGHTS, TRENDS } from '../../engine/diagnostics/codes.js';

export type LightName = Exclude<(typeof TRAFFIC_LIGHTS)[number], 'none'>;
export type TrendName = Exclude<(typeof TRENDS)[number], 'none'>;
