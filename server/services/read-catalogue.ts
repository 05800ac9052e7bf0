/**
 * Reading the definitions catalogue's versions (reports.read: definitions are open to every role,
 * as the catalogue page is): the list without files, newest first, and one version with its files.
 *
 * @example const versions = await catalogueVersions(services, actor); // [{ version: 2, origin: 'app', changes: [...] }, …]
 */
import type { CatalogueVersion, CatalogueVersionSummary } from '../domain/catalogue.js';
import { NotFoundError } from '../errors.js';
import type { Store } from '../store/store.js';
import { assertMay, type Actor } from './actor.js';

export async function catalogueVersions(
  context: { readonly store: Store },
  actor: Actor,
): Promise<CatalogueVersionSummary[]> {
  assertMay(actor, 'reports.read');
  return context.store.catalogue.list();
}

export async function catalogueVersion(
  context: { readonly store: Store },
  actor: Actor,
  version: number,
): Promise<CatalogueVersion> {
  assertMay(actor, 'reports.read');
  const found = await context.store.catalogue.get(version);
  if (found === undefined) {
    throw new NotFoundError({ zh: `没有目录版本 ${version}`, en: `no catalogue version ${version}` });
  }
  return found;
}
