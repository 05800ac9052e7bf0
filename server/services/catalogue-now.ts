/**
 * The catalogue the workbench's use cases work against: the current registry and the number of
 * its version, which a draft records as the base it was made on.
 *
 * @example const { registry, version } = catalogueNow(services);
 */
import type { Registry } from '../indicators/registry-types.js';
import type { Services } from './services.js';

export interface CatalogueNow {
  readonly registry: Registry;
  readonly version: number;
}

export function catalogueNow(services: Pick<Services, 'catalogue'>): CatalogueNow {
  return { registry: services.catalogue.current(), version: services.catalogue.version() };
}
