/**
 * Appends a catalogue version and audits it (definitions.publish with the version, its origin,
 * reason and changes): the one way a version enters the store, whether it came from the seed
 * folder, a publication in the app or a folder imported with the CLI.
 */
import type { CatalogueVersion, NewCatalogueVersion } from '../domain/catalogue.js';
import type { JsonValue } from '../domain/json-value.js';
import type { Store } from '../store/store.js';

export async function appendCatalogueVersion(
  store: Store,
  next: NewCatalogueVersion,
): Promise<CatalogueVersion> {
  const version = await store.catalogue.append(next);
  await store.audit.append({
    actor: next.actor,
    action: 'definitions.publish',
    target: `catalogue/${version.version}`,
    detail: JSON.parse(
      JSON.stringify({
        version: version.version,
        origin: version.origin,
        basedOn: version.basedOn,
        reason: version.reason,
        changes: version.changes,
      }),
    ) as JsonValue,
  });
  return version;
}
